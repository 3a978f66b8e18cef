using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// Everything the emitter needs from one OpenAPI document.
/// </summary>
/// <remarks>
/// The model must stay equatable by value: it holds only strings, bools, enums, records of this namespace
/// and <see cref="EquatableArray{T}"/>, never NSwag objects or compiler types. The incremental pipeline
/// compares it to the previous run's model to decide whether to emit again, and a test enforces the rule.
/// </remarks>
internal sealed record OpenApiDocumentModel(
    string FilePath,
    string Namespace,
    string ClientName,
    string? Title,
    EquatableArray<SchemaModel> Schemas,
    EquatableArray<OperationModel> Operations,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The options that the document's item metadata sets, copied from its input.</summary>
    public DocumentOptions Options { get; init; } = DocumentOptions.Default;

    /// <summary>
    /// The document's server URL: the first of OpenAPI 3's <c>servers</c>, or Swagger 2.0's scheme, <c>host</c>
    /// and <c>basePath</c>. Null when the document gives none.
    /// </summary>
    public string? ServerUrl { get; init; }

    public TypeAccessibility Accessibility => Options.Accessibility;

    /// <summary>The name of the exception type: the client name without its <c>Client</c> suffix, plus <c>Exception</c>.</summary>
    public string ExceptionName => Naming.ExceptionName(ClientName);

    public string InterfaceName => Naming.InterfaceName(ClientName);

    public string SerializerContextName => Naming.SerializerContextName(ClientName, Options.SerializerContextName);
}
