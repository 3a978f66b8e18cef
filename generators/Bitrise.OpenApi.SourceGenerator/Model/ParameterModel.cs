namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A path or query parameter of an operation.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped when it is a keyword).</param>
/// <param name="WireName">The name as written in the document: the path template placeholder or the query key.</param>
/// <param name="IsExploded">
/// For an array in the query: true sends one <c>name=value</c> pair per item (OpenAPI 3 <c>form</c> style,
/// the default, and Swagger 2.0 <c>multi</c>); false sends one pair with the items joined by commas (Swagger
/// 2.0 <c>csv</c>, its default). Path arrays are always joined by commas.
/// </param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    string? Description,
    TypeModel Type,
    bool IsRequired,
    bool IsExploded = true);
