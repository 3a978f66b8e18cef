using System;
using System.IO;
using Bitrise.CodeSigning.Testing;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

/// <summary>The OpenAPI documents the tests generate from.</summary>
internal static class TestDocuments
{
    /// <summary>The project's Bitrise spec with the metadata that src/Bitrise.CodeSigning gives it.</summary>
    public static OpenApiDocumentItem BitriseSpec() =>
        new(RepositoryPaths.Spec, File.ReadAllText(RepositoryPaths.Spec), "Bitrise.CodeSigning", "CodeSigningApiClient");

    /// <summary>A document of this test project under <c>Documents/</c>.</summary>
    public static OpenApiDocumentItem Local(string fileName, string @namespace = "Contoso.Api", string clientName = "ContosoClient")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Documents", fileName);
        return new OpenApiDocumentItem(path, File.ReadAllText(path), @namespace, clientName);
    }
}
