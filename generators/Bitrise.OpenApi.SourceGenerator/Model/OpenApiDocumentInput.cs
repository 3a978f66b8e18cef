namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// An <c>AdditionalFiles</c> item that opted in with <c>OpenApi="true"</c>: its path, its text and the
/// item metadata that names the generated code.
/// </summary>
/// <remarks>The text is a plain string so that an unchanged file compares equal across compilations.</remarks>
internal sealed record OpenApiDocumentInput(string FilePath, string Text, string Namespace, string ClientName);
