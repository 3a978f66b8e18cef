using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Bitrise.CodeSigning.Benchmarks;

/// <summary>An OpenAPI document given to the generator as an additional file, as MSBuild would pass it.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The item metadata that <c>build/Bitrise.OpenApi.SourceGenerator.props</c> makes visible to the generator, set on
/// every additional file.
/// </summary>
internal sealed class OpenApiOptionsProvider(string @namespace, string clientName) : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _fileOptions = new(new Dictionary<string, string>
    {
        ["build_metadata.AdditionalFiles.OpenApi"] = "true",
        ["build_metadata.AdditionalFiles.Namespace"] = @namespace,
        ["build_metadata.AdditionalFiles.ClientName"] = clientName,
    });

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _fileOptions;

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values = values.ToImmutableDictionary(KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
