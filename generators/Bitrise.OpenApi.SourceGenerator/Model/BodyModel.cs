namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A request or response body: its media type and, for JSON, its type.</summary>
/// <param name="MediaType">The media type as written in the document, for example <c>application/json</c>.</param>
/// <param name="Type">The C# type of a JSON body; null for the other kinds.</param>
internal sealed record BodyModel(BodyKind Kind, string MediaType, TypeModel? Type);
