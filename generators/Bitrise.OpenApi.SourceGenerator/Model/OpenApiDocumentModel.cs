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
    /// <summary>The accessibility of the generated top-level types, taken from the document's input.</summary>
    public TypeAccessibility Accessibility { get; init; }

    /// <summary>The name of the exception type: the client name without its <c>Client</c> suffix, plus <c>Exception</c>.</summary>
    public string ExceptionName => Naming.ExceptionName(ClientName);

    public string InterfaceName => "I" + ClientName;

    public string SerializerContextName => ClientName + "JsonSerializerContext";
}
