using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Bitrise.CodeSigning.Packaging.Tests.Infrastructure;
using Bitrise.CodeSigning.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Bitrise.CodeSigning.Packaging.Tests;

/// <summary>
/// Runs the packed generator in a load context that has already loaded Newtonsoft.Json 12.0.3, as a .NET Framework
/// compiler host may, and compares its output with the same generator loaded as the .NET compiler loads it.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class GeneratorIsolationTests(PackedPackages packages)
{
    private const string GeneratorAssemblyFileName = PackedPackages.GeneratorId + ".dll";
    private const string GeneratorTypeName = "Bitrise.OpenApi.SourceGenerator.OpenApiGenerator";
    private const string IsolatedContextName = "Bitrise.OpenApi.SourceGenerator (isolated)";

    private static readonly Version OlderNewtonsoftJsonVersion = new(12, 0, 0, 0);

    [Fact]
    public void HostWithOlderNewtonsoftJson_GeneratesSameSources()
    {
        var analyzerDirectory = packages.GeneratorAnalyzerDirectory;
        var generatorPath = Path.Combine(analyzerDirectory, GeneratorAssemblyFileName);
        var olderNewtonsoftJson = Path.Combine(AppContext.BaseDirectory, "OlderNewtonsoftJson", "Newtonsoft.Json.dll");

        var expected = Generate(new AnalyzerFolderLoadContext(analyzerDirectory).LoadFromAssemblyPath(generatorPath));

        var host = new OlderNewtonsoftJsonHostContext(analyzerDirectory, olderNewtonsoftJson);
        Assert.Equal(OlderNewtonsoftJsonVersion, host.HeldNewtonsoftJson.GetName().Version);
        var actual = Generate(host.LoadFromAssemblyPath(generatorPath));

        Assert.Null(actual.Exception);
        Assert.DoesNotContain(actual.Diagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
        Assert.NotEmpty(expected.GeneratedSources);
        Assert.Equal(
            expected.GeneratedSources.Select(source => source.HintName),
            actual.GeneratedSources.Select(source => source.HintName));
        foreach (var (expectedSource, actualSource) in expected.GeneratedSources.Zip(actual.GeneratedSources))
        {
            Assert.Equal(expectedSource.SourceText.ToString(), actualSource.SourceText.ToString());
        }
    }

    [Fact]
    public void HostWithOlderNewtonsoftJson_BindsShippedNewtonsoftJson()
    {
        var analyzerDirectory = packages.GeneratorAnalyzerDirectory;
        var host = new OlderNewtonsoftJsonHostContext(analyzerDirectory, Path.Combine(AppContext.BaseDirectory, "OlderNewtonsoftJson", "Newtonsoft.Json.dll"));

        var result = Generate(host.LoadFromAssemblyPath(Path.Combine(analyzerDirectory, GeneratorAssemblyFileName)));

        Assert.Null(result.Exception);
        var isolatedNewtonsoftJson = AssemblyLoadContext.All
            .Where(context => context.Name == IsolatedContextName)
            .SelectMany(context => context.Assemblies)
            .Where(assembly => assembly.GetName().Name == "Newtonsoft.Json")
            .ToList();
        Assert.NotEmpty(isolatedNewtonsoftJson);
        Assert.All(isolatedNewtonsoftJson, assembly => Assert.Equal(13, assembly.GetName().Version!.Major));
        Assert.All(isolatedNewtonsoftJson, assembly => Assert.Equal(analyzerDirectory, Path.GetDirectoryName(assembly.Location)));
    }

    /// <summary>Runs the generator type of the assembly over the repository's own OpenAPI document.</summary>
    private static GeneratorRunResult Generate(Assembly generatorAssembly)
    {
        var generatorType = generatorAssembly.GetType(GeneratorTypeName, throwOnError: true)!;
        var generator = (IIncrementalGenerator)Activator.CreateInstance(generatorType)!;

        var document = new FileText(RepositoryPaths.Spec);
        var options = new MetadataOptionsProvider(document.Path, new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApi"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = "Bitrise.CodeSigning",
            ["build_metadata.AdditionalFiles.ClientName"] = "CodeSigningApiClient",
        });
        var compilation = CSharpCompilation.Create(
            "PackagingTestAssembly",
            references: [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            additionalTexts: [document],
            optionsProvider: options);
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        return driver.GetRunResult().Results.Single();
    }

    private sealed class FileText(string path) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Supplies the item metadata that MSBuild passes for one <c>AdditionalFiles</c> item.</summary>
    private sealed class MetadataOptionsProvider(string documentPath, IReadOnlyDictionary<string, string> metadata) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions NoOptions = new DictionaryOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => NoOptions;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile.Path == documentPath ? new DictionaryOptions(metadata) : NoOptions;

        private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
