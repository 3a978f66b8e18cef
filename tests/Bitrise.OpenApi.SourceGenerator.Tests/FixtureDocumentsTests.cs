using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning.Testing;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Runs the generator over the public OpenAPI documents in the shared fixtures. Every document that
/// generates code must compile without warnings; the others must be rejected with a diagnostic, never an
/// exception.
/// </summary>
public sealed class FixtureDocumentsTests
{
    private const string FixtureFolder = "fixtures/openapi";

    /// <summary>Documents whose generated code compiles without warnings (unsupported constructs give OASG warnings).</summary>
    public static TheoryData<string> CompilingDocuments =>
    [
        "bitrise/bitrise-api-swagger-2021.json",
        "bitrise/bitrise-api-swagger-2025-03.json",
        "large/stripe-spec3-2022-04-12.json",
        "oai-examples/v2.0/api-with-examples.yaml",
        "oai-examples/v2.0/petstore-expanded.yaml",
        "oai-examples/v2.0/petstore-minimal.yaml",
        "oai-examples/v2.0/petstore-separate/spec/swagger.yaml",
        "oai-examples/v2.0/petstore-simple.json",
        "oai-examples/v2.0/petstore-with-external-docs.json",
        "oai-examples/v2.0/petstore.json",
        "oai-examples/v2.0/uber.json",
        "oai-examples/v3.0/api-with-examples.yaml",
        "oai-examples/v3.0/callback-example.yaml",
        "oai-examples/v3.0/link-example.yaml",
        "oai-examples/v3.0/petstore-expanded.yaml",
        "oai-examples/v3.0/petstore.json",
        "oai-examples/v3.0/petstore.yaml",
        "oai-examples/v3.0/uspto.yaml",
        "oai-examples/v3.1/non-oauth-scopes.yaml",
        "oai-examples/v3.1/webhook-example.yaml",
        "readme-oas-examples/2.0-schema-circular.json",
        "readme-oas-examples/3.0-circular-paths.json",
        "readme-oas-examples/3.0-circular.json",
        "readme-oas-examples/3.0-complex-nesting.json",
        "readme-oas-examples/3.0-discriminators.json",
        "readme-oas-examples/3.0-file-uploads.json",
        "readme-oas-examples/3.0-form-data.json",
        "readme-oas-examples/3.0-http-status-codes.json",
        "readme-oas-examples/3.0-parameters-extreme.json",
        "readme-oas-examples/3.0-parameters-style.json",
        "readme-oas-examples/3.0-polymorphism.json",
        "readme-oas-examples/3.0-response-http-behavior.json",
        "readme-oas-examples/3.0-response-multiple-mediatypes.json",
        "readme-oas-examples/3.0-schema-additional-properties.json",
        "readme-oas-examples/3.0-schema-circular.json",
        "readme-oas-examples/3.0-schema-enums.json",
        "readme-oas-examples/3.0-schema-types.json",
        "readme-oas-examples/3.1-schema-types.yaml",
        "readme-oas-examples/3.1-train-travel.yaml",
        "readme-oas-examples/3.1-webhooks.yaml",
        "real/box-openapi-v2025.0.json",
        "real/docker-engine-swagger.yaml",
        "real/netlify-swagger.yml",
        "real/ory-kratos-api.openapi.json",
        "real/slack-web-openapi-v2-without-examples.json",
        "real/spotify-fixed-open-api.yml",
        "real/twilio_lookups_v2.json",
        "real/xero-identity.yaml",
    ];

    /// <summary>
    /// Documents whose references reach other files, with the folder of those files. The generator reads them
    /// only as AdditionalFiles items, so every other file of the folder is passed as one without OpenApi="true".
    /// </summary>
    private static readonly Dictionary<string, string> SplitDocumentFolders = new(StringComparer.Ordinal)
    {
        ["oai-examples/v2.0/petstore-separate/spec/swagger.yaml"] = "oai-examples/v2.0/petstore-separate",
    };

    /// <summary>
    /// The generator diagnostics a compiling document gets, for constructs it really lacks or gets wrong; every
    /// other compiling document gets none.
    /// </summary>
    private static readonly Dictionary<string, string[]> ExpectedDiagnostics = new(StringComparer.Ordinal)
    {
        // An array-of-objects query parameter has no defined serialization; `expand` arrays use deepObject, which
        // OpenAPI defines only for objects.
        ["large/stripe-spec3-2022-04-12.json"] = ["OASG006", "OASG013"],

        // OpenAPI 3.1 operations without `responses`, and webhooks, which a client does not call.
        ["oai-examples/v3.1/non-oauth-scopes.yaml"] = ["OASG044"],
        ["oai-examples/v3.1/webhook-example.yaml"] = ["OASG045"],
        ["readme-oas-examples/3.1-schema-types.yaml"] = ["OASG005", "OASG044"],
        ["readme-oas-examples/3.1-train-travel.yaml"] = ["OASG045"],
        ["readme-oas-examples/3.1-webhooks.yaml"] = ["OASG045"],

        // An array-of-objects header.
        ["readme-oas-examples/3.0-circular-paths.json"] = ["OASG006"],

        // `oneOf` beside `properties` in one schema.
        ["readme-oas-examples/3.0-discriminators.json"] = ["OASG005"],

        // An `Authorization` header parameter, which OpenAPI 3.0 requires clients to ignore.
        ["readme-oas-examples/3.0-schema-circular.json"] = ["OASG006"],

        // The fixture's deliberate quirk, an `allOf` of a string and an integer.
        ["readme-oas-examples/3.0-schema-types.json"] = ["OASG005"],

        // A `Content-type` header parameter, which OpenAPI 3.0 requires clients to ignore, and `ImageData`
        // requiring `UnpackedSize`, which it does not declare.
        ["real/docker-engine-swagger.yaml"] = ["OASG006", "OASG021"],

        // A request body requiring "enum (with example) *required", which it does not declare.
        ["readme-oas-examples/3.0-schema-enums.json"] = ["OASG021"],
    };

    /// <summary>Documents the generator rejects, with the diagnostic it reports.</summary>
    public static TheoryData<string, string> RejectedDocuments => new()
    {
        // Fragments that other files of the example reference; they are not OpenAPI documents themselves.
        { "oai-examples/v2.0/petstore-separate/common/Error.yaml", "OASG003" },
        { "oai-examples/v2.0/petstore-separate/spec/NewPet.yaml", "OASG003" },
        { "oai-examples/v2.0/petstore-separate/spec/Pet.yaml", "OASG003" },
        { "oai-examples/v2.0/petstore-separate/spec/parameters.yaml", "OASG003" },
    };

    [Theory]
    [MemberData(nameof(CompilingDocuments))]
    public void Document_CompilesWithOnlyExpectedDiagnostics(string relativePath)
    {
        var output = Generate(relativePath);

        Assert.Null(output.Result.Exception);
        Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(output.Result.GeneratedSources);
        var expected = ExpectedDiagnostics.TryGetValue(relativePath, out var ids) ? ids : [];
        Assert.Equal(expected, output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [MemberData(nameof(RejectedDocuments))]
    public void Document_IsRejectedWithDiagnostic(string relativePath, string expectedId)
    {
        var output = Generate(relativePath);

        Assert.Null(output.Result.Exception);
        Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CS8785");
        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(expectedId, diagnostic.Id);
        Assert.Equal(Path.Combine(RepositoryPaths.Shared, FixtureFolder, relativePath), diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void EveryFixture_IsListed()
    {
        var folder = RepositoryPaths.RequireShared(FixtureFolder);
        var listed = CompilingDocuments.Select(row => row.Data)
            .Concat(RejectedDocuments.Select(row => row.Data.Item1))
            .ToHashSet(StringComparer.Ordinal);

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'));

        Assert.All(files, file => Assert.Contains(file, listed));
    }

    private static GeneratorOutput Generate(string relativePath)
    {
        var folder = RepositoryPaths.RequireShared(FixtureFolder);
        var path = Path.Combine(folder, relativePath);
        var items = new List<OpenApiDocumentItem> { new(path, File.ReadAllText(path), "Fixture", "FixtureClient") };
        if (SplitDocumentFolders.TryGetValue(relativePath, out var splitFolder))
        {
            var others = Directory.GetFiles(Path.Combine(folder, splitFolder), "*.yaml", SearchOption.AllDirectories).Where(file => file != path).Order(StringComparer.Ordinal);
            items.AddRange(others.Select(file => new OpenApiDocumentItem(file, File.ReadAllText(file), OptIn: false)));
        }

        return GeneratorHarness.Run([.. items]);
    }
}
