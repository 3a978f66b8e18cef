namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The accessibility of the generated top-level types, set by the <c>TypeAccessibility</c> item metadata.</summary>
internal enum TypeAccessibility
{
    Public,
    Internal,
}
