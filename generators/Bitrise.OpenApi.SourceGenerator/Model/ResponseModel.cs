namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>One response of an operation.</summary>
/// <param name="StatusCode">The key under <c>responses</c>: <c>200</c>, a range such as <c>4XX</c>, or <c>default</c>.</param>
/// <param name="Body">The body, or null when the response declares none.</param>
internal sealed record ResponseModel(string StatusCode, string? Description, BodyModel? Body);
