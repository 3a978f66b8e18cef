namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// Another <c>AdditionalFiles</c> item that a document's external <c>$ref</c> values can point at: its full
/// path and its text. The generator reads no files itself, so this is the only way such a reference resolves.
/// </summary>
internal sealed record ReferencedText(string FilePath, string Text);
