namespace Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

/// <summary>An OpenAPI document passed to the generator, with the item metadata of its <c>AdditionalFiles</c> entry.</summary>
internal sealed record OpenApiDocumentItem(string Path, string Text, string? Namespace = "Contoso.Api", string? ClientName = "ContosoClient", bool OptIn = true);
