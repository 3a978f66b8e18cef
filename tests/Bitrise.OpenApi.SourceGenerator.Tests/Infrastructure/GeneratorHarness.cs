using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="OpenApiGenerator"/> over an in-memory compilation that references the test runtime's
/// assemblies, with nullable reference types on and documentation comments checked (CS1591 and friends).
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorTestAssembly",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Default,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // The compilation references implementation and facade assemblies of several versions.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver CreateDriver(IEnumerable<OpenApiDocumentItem> documents, string? rootNamespace = "Contoso.Root") =>
        CreateDriver(documents, out _, rootNamespace);

    /// <summary>Creates the driver and returns the additional texts it holds, for <c>ReplaceAdditionalText</c>.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<OpenApiDocumentItem> documents, out ImmutableArray<AdditionalText> additionalTexts, string? rootNamespace = "Contoso.Root")
    {
        var items = documents.ToList();
        additionalTexts = [.. items.Select(item => (AdditionalText)new InMemoryAdditionalText(item.Path, item.Text))];
        return CSharpGeneratorDriver.Create(
            generators: [new OpenApiGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            optionsProvider: CreateOptionsProvider(items, rootNamespace),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Returns the item metadata and global properties that MSBuild would pass for these items, for <c>WithUpdatedAnalyzerConfigOptions</c>.</summary>
    public static AnalyzerConfigOptionsProvider CreateOptionsProvider(IEnumerable<OpenApiDocumentItem> documents, string? rootNamespace = "Contoso.Root")
    {
        var fileOptions = documents.ToDictionary(
            item => item.Path,
            item => (IReadOnlyDictionary<string, string>)Metadata(item));
        var globalOptions = new Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            globalOptions["build_property.RootNamespace"] = rootNamespace;
        }

        return new TestAnalyzerConfigOptionsProvider(fileOptions, globalOptions);
    }

    /// <summary>Returns the value and run reason of every output of a tracked step in the last run.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> StepOutputs(GeneratorDriver driver, string stepName) =>
        [.. driver.GetRunResult().Results.Single().TrackedSteps[stepName].SelectMany(step => step.Outputs)];

    /// <summary>Runs the generator once and returns the result and the compilation with the generated sources.</summary>
    public static GeneratorOutput Run(IEnumerable<OpenApiDocumentItem> documents, params string[] sources)
    {
        var compilation = CreateCompilation(sources.Length == 0 ? ["namespace Placeholder { internal static class Empty { } }"] : sources);
        var driver = CreateDriver(documents).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);
        return new GeneratorOutput(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static GeneratorOutput Run(params OpenApiDocumentItem[] documents) => Run(documents, []);

    /// <summary>Emits the compilation and loads it into a collectible context.</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        using var stream = new MemoryStream(Emit(compilation));
        return new AssemblyLoadContext("GeneratedCode", isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Emits the compilation as a reference for another compilation, as a consumer project references it.</summary>
    public static MetadataReference EmitToReference(Compilation compilation) =>
        MetadataReference.CreateFromImage(Emit(compilation));

    private static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return stream.ToArray();
    }

    private static Dictionary<string, string> Metadata(OpenApiDocumentItem item)
    {
        var metadata = new Dictionary<string, string>();
        if (item.OptIn)
        {
            metadata["build_metadata.AdditionalFiles.OpenApi"] = "true";
        }

        if (item.Namespace is not null)
        {
            metadata["build_metadata.AdditionalFiles.Namespace"] = item.Namespace;
        }

        if (item.ClientName is not null)
        {
            metadata["build_metadata.AdditionalFiles.ClientName"] = item.ClientName;
        }

        foreach (var (name, value) in item.Metadata ?? new Dictionary<string, string>())
        {
            metadata["build_metadata.AdditionalFiles." + name] = value;
        }

        // What build/Bitrise.OpenApi.SourceGenerator.targets adds to a document item in a real build.
        if (item.OptIn)
        {
            var names = metadata.Keys.Select(key => key["build_metadata.AdditionalFiles.".Length..]).Order(StringComparer.OrdinalIgnoreCase);
            metadata["build_metadata.AdditionalFiles.OpenApiMetadataNames"] = string.Join(",", names);
        }

        return metadata;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutput(GeneratorDriver Driver, GeneratorDriverRunResult RunResult, Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    /// <summary>The compilation's diagnostics (errors and warnings) plus the generator's.</summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics =>
        [.. GeneratorDiagnostics, .. Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)];

    public string Source(string hintName) =>
        Result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();
}
