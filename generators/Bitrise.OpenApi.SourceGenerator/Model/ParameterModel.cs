namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A path, query, header or cookie parameter of an operation.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped when it is a keyword).</param>
/// <param name="WireName">The name as written in the document: the path template placeholder, the query key, the header or cookie name.</param>
/// <param name="Style">
/// How the value is written, after the document's <c>style</c> (or Swagger 2.0 <c>collectionFormat</c>) and the
/// location's default: <c>simple</c> for path and header, <c>form</c> for query and cookie.
/// </param>
/// <param name="IsExploded">
/// The OpenAPI <c>explode</c> flag: true writes each array item or object property as its own pair
/// (<c>id=3&amp;id=4</c>), false joins them into one value (<c>id=3,4</c>).
/// </param>
internal sealed record ParameterModel(
    string Name,
    string WireName,
    string? Description,
    TypeModel Type,
    bool IsRequired,
    ParameterLocation Location,
    ParameterStyle Style,
    bool IsExploded);
