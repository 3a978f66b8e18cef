using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// An <c>AdditionalFiles</c> item that opted in with <c>OpenApi="true"</c>: its path, its text and the
/// item metadata that names the generated code.
/// </summary>
/// <param name="References">
/// The other <c>AdditionalFiles</c> items that the document's external references reach, directly or through
/// each other, sorted by path; empty when it has none.
/// </param>
/// <remarks>The text is a plain string so that an unchanged file compares equal across compilations.</remarks>
internal sealed record OpenApiDocumentInput(
    string FilePath,
    string Text,
    string Namespace,
    string ClientName,
    EquatableArray<ReferencedText> References = default)
{
    public DocumentOptions Options { get; init; } = DocumentOptions.Default;

    /// <summary>The diagnostics about the item metadata: unknown option names and invalid values.</summary>
    public EquatableArray<DiagnosticInfo> OptionDiagnostics { get; init; }
}
