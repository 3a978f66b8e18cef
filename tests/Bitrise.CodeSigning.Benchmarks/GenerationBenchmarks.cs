using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Bitrise.OpenApi.SourceGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Bitrise.CodeSigning.Benchmarks;

/// <summary>
/// Measures one run of <see cref="OpenApiGenerator"/> through <see cref="CSharpGeneratorDriver"/> next to NSwag's
/// <see cref="CSharpClientGenerator"/> on the same document. Both include reading the document text into NSwag's
/// object model, because the generator does that on every run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WideParameterColumnConfig))]
public class GenerationBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _additionalTexts;
    private OpenApiOptionsProvider _options = null!;
    private string _text = null!;

    /// <summary>The file name of the document. <see cref="BenchmarkDocuments"/> maps it to its path.</summary>
    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = null!;

    public static IEnumerable<string> Documents => BenchmarkDocuments.Available();

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(BenchmarkDocuments.FullPathOf(Document));
        _additionalTexts = [new InMemoryAdditionalText(Document, _text)];
        _options = new OpenApiOptionsProvider("Benchmarks.Generated", "BenchmarkClient");
        _compilation = CSharpCompilation.Create(
            "GenerationBenchmarks",
            [CSharpSyntaxTree.ParseText("namespace Benchmarks { internal static class Placeholder { } }")],
            LoadReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var generated = SourceGenerator();
        if (generated == 0)
        {
            throw new InvalidOperationException($"The generator produced no source for '{Document}'. Check that the document is valid OpenAPI and read the generator's diagnostics for it.");
        }
    }

    /// <summary>Runs the generator with a new driver, so nothing is cached from an earlier run, and returns the number of generated files.</summary>
    [Benchmark(Baseline = true)]
    public int SourceGenerator()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: [new OpenApiGenerator().AsSourceGenerator()],
            additionalTexts: _additionalTexts,
            parseOptions: CSharpParseOptions.Default,
            optionsProvider: _options);

        driver = driver.RunGenerators(_compilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>Loads the document and generates NSwag's client with its default settings, and returns the length of the code.</summary>
    [Benchmark]
    public async Task<int> NSwagClientGenerator()
    {
        var document = Document.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? await OpenApiDocument.FromJsonAsync(_text).ConfigureAwait(false)
            : await OpenApiYamlDocument.FromYamlAsync(_text).ConfigureAwait(false);

        var code = new CSharpClientGenerator(document, new CSharpClientGeneratorSettings()).GenerateFile();
        return code.Length;
    }

    private static List<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    /// <summary>A summary style that shows the document names whole, because the default cuts them to 20 characters.</summary>
    private sealed class WideParameterColumnConfig : ManualConfig
    {
        public WideParameterColumnConfig() => SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
    }
}
