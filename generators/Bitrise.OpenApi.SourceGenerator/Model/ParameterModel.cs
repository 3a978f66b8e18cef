namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A path or query parameter of an operation.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped when it is a keyword).</param>
/// <param name="WireName">The name as written in the document: the path template placeholder or the query key.</param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    string? Description,
    TypeModel Type,
    bool IsRequired);
