namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>Where a parameter is sent: the OpenAPI <c>in</c> field.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}
