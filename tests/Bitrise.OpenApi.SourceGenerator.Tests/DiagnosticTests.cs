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

    private const string Swagger12 = """
        swagger: "1.2"
        info: { title: Old, version: "1" }
        paths: {}
        """;

    private const string SwaggerVersion12 = """
        {
          "apiVersion": "1.0",
          "swaggerVersion": "1.2",
          "apis": [ { "path": "/pets" } ]
        }
        """;

    private const string OpenApi4 = """
        info: { title: Future, version: "1" }
        paths: {}
        openapi: 4.0.0
        """;

    private const string DuplicateOperationIds = """
        openapi: 3.0.3
        info: { title: Duplicates, version: "1" }
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "204":
                  description: No content.
          /b:
            get:
              operationId: getA
              responses:
                "204":
                  description: No content.
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
        { "swagger-1.2.yaml", Swagger12, "OASG015", 0 },
        { "swagger-version-1.2.json", SwaggerVersion12, "OASG015", 2 },
        { "openapi-4.yaml", OpenApi4, "OASG015", 2 },
        { "duplicates.yaml", DuplicateOperationIds, "OASG016", 11 },
    };

    /// <summary>Documents with an unsupported version, the field, its value, and the zero-based column of its key.</summary>
    public static TheoryData<string, string, string, string, int> UnsupportedVersions => new()
    {
        { "swagger-1.2.yaml", Swagger12, "swagger", "1.2", 0 },
        { "swagger-version-1.2.json", SwaggerVersion12, "swaggerVersion", "1.2", 2 },
        { "openapi-4.yaml", OpenApi4, "openapi", "4.0.0", 0 },
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

    [Theory]
    [MemberData(nameof(UnsupportedVersions))]
    public void UnsupportedVersion_NamesFieldAndConversion(string fileName, string text, string field, string version, int expectedColumn)
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/" + fileName, text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("OASG015", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(expectedColumn, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains(field + " '" + version + "'", message);
        Assert.Contains("'#/" + field + "'", message);
        Assert.Contains("Convert the document to Swagger 2.0 or OpenAPI 3.0", message);
        Assert.Empty(output.Result.GeneratedSources);
    }

    [Theory]
    [InlineData("openapi: 3.0.3")]
    [InlineData("openapi: \"3.1.0\"")]
    [InlineData("swagger: \"2.0\"")]
    [InlineData("swagger: 2.0")]
    public void SupportedVersion_IsAccepted(string versionLine)
    {
        var text = versionLine + "\ninfo: { title: Supported, version: \"1\" }\npaths:\n  /pets:\n    get:\n      operationId: pet-list\n      responses:\n        \"204\":\n          description: No content.\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/supported.yaml", text));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotEmpty(output.Result.GeneratedSources);
    }

    [Fact]
    public void JsonDocumentWithComments_IsRead()
    {
        var text = """
            // Comments are not JSON, but Json.NET and NSwag accept them.
            {
              /* the version */
              "openapi": "3.0.3",
              "info": { "title": "Commented", "version": "1" },
              "paths": {}
            }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/commented.json", text));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotEmpty(output.Result.GeneratedSources);
    }

    [Fact]
    public void NestedVersionField_IsNotOpenApi()
    {
        var text = "config:\n  openapi: 3.0.3\nsteps: []\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/config.yaml", text));

        Assert.Equal("OASG003", Assert.Single(output.GeneratorDiagnostics).Id);
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void BrokenDocument_MessageHasNoDoublePeriod(string fileName, string text, string expectedId, int expectedLine)
    {
        _ = expectedLine;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/" + fileName, text));

        var message = output.GeneratorDiagnostics.Single(candidate => candidate.Id == expectedId).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("..", message);
    }

    [Fact]
    public void InvalidYaml_GivesParserReasonAndPosition()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/invalid.yaml", InvalidYaml));

        var message = output.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("'/specs/invalid.yaml' is not valid YAML at line 3, column ", message);
        Assert.Contains("failed after this point", message);
        Assert.DoesNotContain("Exception during deserialization", message);
        Assert.DoesNotContain("Idx:", message);
        Assert.Contains("Check the indentation, quotes and brackets there.", message);
    }

    [Fact]
    public void UnclosedQuote_GivesParserReason()
    {
        var text = "openapi: 3.0.3\ninfo:\n  title: \"unclosed\n  version: 1\npaths: {}\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/quote.yaml", text));

        var message = output.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("'/specs/quote.yaml' is not valid YAML at line 3, column 10: ", message);
        Assert.Contains("quoted scalar", message);
        Assert.DoesNotContain("Exception during deserialization", message);
        Assert.DoesNotContain("Idx:", message);
    }

    [Fact]
    public void InvalidJson_GivesParserReasonAndPosition()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/invalid.json", InvalidJson));

        var message = output.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("'/specs/invalid.json' is not valid JSON at line 6, column ", message);
        Assert.DoesNotContain(", position ", message);
        Assert.Contains("Check the commas, quotes and brackets there.", message);
    }

    [Fact]
    public void MissingReference_MessageEndsQuotedPointerOnce()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/missing.yaml", MissingReference));

        Assert.Equal(
            "'/specs/missing.yaml' cannot be loaded: Could not resolve the path '#/components/schemas/Pet'. Check that the '$ref' points at an existing schema in the document.",
            output.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DuplicateOperationId_NumbersBeforeAsync()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/duplicates.yaml", DuplicateOperationIds));

        var client = output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!;
        Assert.Single(client.GetMembers("GetAAsync"));
        Assert.Single(client.GetMembers("GetA2Async"));
        Assert.Empty(client.GetMembers("GetAAsync2"));
    }

    [Fact]
    public void DuplicateOperationId_NamesBothOperations()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/duplicates.yaml", DuplicateOperationIds));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "The operations GET /a (operationId 'getA') and GET /b (operationId 'getA') both map to the method name 'GetAAsync', so the method of the second is named 'GetA2Async'. Give each operation a unique operationId.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
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
        Assert.Contains("OASG007", ids);
    }
}
