using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

public sealed class DiagnosticTests
{
    private const string InvalidYaml = """
        openapi: 3.0.3
        info:
          title: [unclosed
          version: "1"
        paths: {}
        """;

    private const string InvalidJson = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Broken", "version": "1" },
          "paths": {
            "/a": { "get": { "responses": { "200": { "description": "OK" } } } }
          ,,
        }
        """;

    private const string NotOpenApi = """
        name: a build configuration
        steps:
          - run: make
        """;

    private const string ExternalReference = """
        openapi: 3.0.3
        info: { title: External, version: "1" }
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                local:
                  type: string
                pet:
                  $ref: "pet.yaml#/Pet"
        """;

    private const string RemoteReference = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Remote", "version": "1" },
          "paths": {},
          "components": {
            "schemas": {
              "Holder": {
                "type": "object",
                "properties": {
                  "pet": { "$ref": "http://127.0.0.1:9/pet.json#/Pet" }
                }
              }
            }
          }
        }
        """;

    private const string MissingReference = """
        openapi: 3.0.3
        info: { title: Missing, version: "1" }
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                pet:
                  $ref: "#/components/schemas/Pet"
        """;

    /// <summary>Documents that cannot be read, the diagnostic each gives, and its zero-based line.</summary>
    public static TheoryData<string, string, string, int> BrokenDocuments => new()
    {
        { "invalid.yaml", InvalidYaml, "OASG001", 2 },
        { "invalid.json", InvalidJson, "OASG001", 5 },
        { "empty.yaml", string.Empty, "OASG002", 0 },
        { "blank.yaml", "  \n\n", "OASG002", 0 },
        { "build.yaml", NotOpenApi, "OASG003", 0 },
        { "external.yaml", ExternalReference, "OASG004", 10 },
        { "remote.json", RemoteReference, "OASG004", 9 },
        { "missing.yaml", MissingReference, "OASG011", 9 },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void BrokenDocument_ReportsLocatedDiagnostic(string fileName, string text, string expectedId, int expectedLine)
    {
        var path = "/specs/" + fileName;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem(path, text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, candidate => candidate.Id == expectedId);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(expectedLine, span.StartLinePosition.Line);
        Assert.Contains(diagnostic.Id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void BrokenDocument_DoesNotThrow(string fileName, string text, string expectedId, int expectedLine)
    {
        _ = (expectedId, expectedLine);

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/" + fileName, text));

        Assert.Null(output.Result.Exception);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Id == "CS8785");
        Assert.DoesNotContain(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void ExternalReference_NamesReferenceAndPointer()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/external.yaml", ExternalReference));

        var message = output.GeneratorDiagnostics.Single(diagnostic => diagnostic.Id == "OASG004").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'pet.yaml'", message);
        Assert.Contains("#/components/schemas/Holder/properties/pet", message);
    }

    [Fact]
    public void ExternalReference_StillGeneratesHolderWithJsonElement()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/external.yaml", ExternalReference));

        var holder = output.Compilation.GetTypeByMetadataName("Contoso.Api.Holder")!;
        var pet = holder.GetMembers("Pet").OfType<IPropertySymbol>().Single();
        Assert.Equal("System.Text.Json.JsonElement?", pet.Type.ToDisplayString());
    }

    [Fact]
    public void FileWithoutOptIn_IsIgnored()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/not-opted-in.yaml", InvalidYaml, OptIn: false));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Result.GeneratedSources);
    }

    [Fact]
    public void UnsupportedConstructs_AreReportedNotDropped()
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("shapes.yaml"));

        var ids = output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id).ToList();
        Assert.Contains("OASG006", ids);
        Assert.Contains("OASG007", ids);
    }
}
