using System.Collections.Generic;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

/// <summary>An OpenAPI document passed to the generator, with the item metadata of its <c>AdditionalFiles</c> entry.</summary>
/// <param name="Metadata">Further item metadata by name, for example <c>TypeAccessibility</c>.</param>
internal sealed record OpenApiDocumentItem(
    string Path,
    string Text,
    string? Namespace = "Contoso.Api",
    string? ClientName = "ContosoClient",
    bool OptIn = true,
    IReadOnlyDictionary<string, string>? Metadata = null);
