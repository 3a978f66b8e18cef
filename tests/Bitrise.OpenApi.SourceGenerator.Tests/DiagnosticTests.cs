using System.Globalization;
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

    private const string MissingFile = """
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

    private const string UrlReference = """
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

    private const string TwoYamlDocuments = """
        openapi: 3.0.3
        info: { title: First, version: "1" }
        paths: { /first: { get: { operationId: first-get, responses: { "204": { description: None } } } } }
        ---
        openapi: 3.0.3
        info: { title: Second, version: "1" }
        paths: { /second: { get: { operationId: second-get, responses: { "204": { description: None } } } } }
        """;

    private const string DuplicateYamlKey = """
        openapi: 3.0.3
        info: { title: Duplicate, version: "1" }
        paths: {}
        components:
          schemas:
            Pet:
              type: object
            Pet:
              type: string
        """;

    private const string DuplicateJsonKey = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Duplicate", "version": "1", "title": "Again" },
          "paths": {}
        }
        """;

    private const string WrongFieldType = """
        openapi: 3.0.3
        info: { title: Wrong type, version: "1" }
        paths:
          /pets:
            get:
              parameters: 7
              responses:
                "204":
                  description: No content.
        """;

    private const string ParameterCycle = """
        openapi: 3.0.3
        info: { title: Cycle, version: "1" }
        paths:
          /pets:
            get:
              parameters:
                - $ref: "#/components/parameters/First"
              responses:
                "204":
                  description: No content.
        components:
          parameters:
            First:
              $ref: "#/components/parameters/Second"
            Second:
              $ref: "#/components/parameters/First"
        """;

    private const string SchemaCycle = """
        openapi: 3.0.3
        info: { title: Cycle, version: "1" }
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                loop:
                  $ref: "#/components/schemas/Loop"
            Loop:
              $ref: "#/components/schemas/Loop"
        """;

    private const string UndefinedAlias = """
        openapi: 3.0.3
        info: { title: Alias, version: "1" }
        paths: *missing
        """;

    private const string TrailingJson = """
        { "openapi": "3.0.3", "info": { "title": "Trailing", "version": "1" }, "paths": {} }
        { "openapi": "3.0.3" }
        """;

    /// <summary>
    /// Documents that cannot be read as they are, the diagnostic each gives, and where: the zero-based line and
    /// column, and the JSON pointer that the message names.
    /// </summary>
    public static TheoryData<string, string, string, int, int, string> BrokenDocuments => new()
    {
        { "invalid.yaml", InvalidYaml, "OASG001", 2, 9, "#/info/title" },
        { "invalid.json", InvalidJson, "OASG001", 5, 2, "#/paths" },
        { "trailing.json", TrailingJson, "OASG001", 1, 0, "#" },
        { "undefined-alias.yaml", UndefinedAlias, "OASG001", 2, 7, "#/paths" },
        { "wrong-type.yaml", WrongFieldType, "OASG001", 5, 6, "#/paths/~1pets/get/parameters" },
        { "empty.yaml", string.Empty, "OASG002", 0, 0, "#" },
        { "blank.yaml", "  \n\n", "OASG002", 0, 0, "#" },
        { "comment.yaml", "# only a comment\n", "OASG002", 0, 0, "#" },
        { "build.yaml", NotOpenApi, "OASG003", 0, 0, "#" },
        { "list.yaml", "- openapi: 3.0.3\n", "OASG003", 0, 0, "#" },
        { "url.json", UrlReference, "OASG004", 9, 10, "#/components/schemas/Holder/properties/pet" },
        { "missing.yaml", MissingReference, "OASG011", 9, 16, "#/components/schemas/Holder/properties/pet/$ref" },
        { "schema-cycle.yaml", SchemaCycle, "OASG014", 8, 8, "#/components/schemas/Holder/properties/loop" },
        { "swagger-1.2.yaml", Swagger12, "OASG015", 0, 0, "#/swagger" },
        { "swagger-version-1.2.json", SwaggerVersion12, "OASG015", 2, 2, "#/swaggerVersion" },
        { "openapi-4.yaml", OpenApi4, "OASG015", 2, 0, "#/openapi" },
        { "duplicates.yaml", DuplicateOperationIds, "OASG016", 11, 6, "#/paths/~1b/get/operationId" },
        { "duplicate-key.yaml", DuplicateYamlKey, "OASG040", 7, 4, "#/components/schemas/Pet" },
        { "duplicate-key.json", DuplicateJsonKey, "OASG040", 2, 50, "#/info/title" },
        { "two-documents.yaml", TwoYamlDocuments, "OASG041", 3, 0, "#" },
        { "missing-file.yaml", MissingFile, "OASG042", 11, 16, "#/components/schemas/Holder/properties/pet/$ref" },
        { "parameter-cycle.yaml", ParameterCycle, "OASG043", 13, 12, "#/components/parameters/First/$ref" },
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
    public void BrokenDocument_ReportsLocatedDiagnostic(string fileName, string text, string expectedId, int expectedLine, int expectedColumn, string expectedPointer)
    {
        var path = "/specs/" + fileName;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem(path, text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, candidate => candidate.Id == expectedId);
        LocatedDiagnosticAssert.At(diagnostic, path, expectedLine, expectedColumn, expectedPointer);
        Assert.Contains(diagnostic.Id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void BrokenDocument_DoesNotThrow(string fileName, string text, string expectedId, int expectedLine, int expectedColumn, string expectedPointer)
    {
        _ = (expectedId, expectedLine, expectedColumn, expectedPointer);

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
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
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
    public void DuplicateJsonKey_KeepsLaterValue()
    {
        var model = Parser.OpenApiParser.Parse(new Model.OpenApiDocumentInput("/specs/duplicate-key.json", DuplicateJsonKey, "Contoso.Api", "ContosoClient"), TestContext.Current.CancellationToken);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("OASG040", diagnostic.Id);
        Assert.Equal(["title", "3"], diagnostic.MessageArguments);
        Assert.Equal("Again", model.Title);
    }

    [Fact]
    public void DuplicateYamlKey_KeepsLaterValue()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/duplicate-key.yaml", DuplicateYamlKey));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("The key 'Pet' is already set in this mapping on line 6.", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Api.Pet"));
    }

    [Fact]
    public void TwoYamlDocuments_ReadsFirst()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/two-documents.yaml", TwoYamlDocuments));

        Assert.Equal("OASG041", Assert.Single(output.GeneratorDiagnostics).Id);
        var client = output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!;
        Assert.Single(client.GetMembers("FirstGetAsync"));
        Assert.Empty(client.GetMembers("SecondGetAsync"));
    }

    [Fact]
    public void Webhooks_ReportInfoAtKey()
    {
        var text = "openapi: 3.1.0\ninfo: { title: Hooks, version: \"1\" }\nwebhooks:\n  newPet:\n    post:\n      responses: { \"200\": { description: OK } }\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/hooks.yaml", text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG045", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("The webhooks 'newPet' describe requests", diagnostic.GetMessage(CultureInfo.InvariantCulture));
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
    public void BrokenDocument_MessageHasNoDoublePeriod(string fileName, string text, string expectedId, int expectedLine, int expectedColumn, string expectedPointer)
    {
        _ = (expectedLine, expectedColumn, expectedPointer);

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/" + fileName, text));

        var message = output.GeneratorDiagnostics.Single(candidate => candidate.Id == expectedId).GetMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotContain("..", message);
    }

    [Fact]
    public void InvalidYaml_GivesParserReasonAndPosition()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/invalid.yaml", InvalidYaml));

        var message = output.GeneratorDiagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("'/specs/invalid.yaml' line 3, column ", message);
        Assert.Contains("The document is not valid YAML: ", message);
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

        var message = output.GeneratorDiagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("'/specs/quote.yaml' line 3, column 10, at '#/info': The document is not valid YAML: ", message);
        Assert.Contains("quoted scalar", message);
        Assert.DoesNotContain("Exception during deserialization", message);
        Assert.DoesNotContain("Idx:", message);
    }

    [Fact]
    public void InvalidJson_GivesParserReasonAndPosition()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/invalid.json", InvalidJson));

        var message = output.GeneratorDiagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.StartsWith("'/specs/invalid.json' line 6, column ", message);
        Assert.Contains("The document is not valid JSON: ", message);
        Assert.DoesNotContain(", position ", message);
        Assert.Contains("Check the commas, quotes and brackets there.", message);
    }

    [Fact]
    public void MissingReference_MessageEndsQuotedPointerOnce()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/missing.yaml", MissingReference));

        Assert.Equal(
            "'/specs/missing.yaml' line 10, column 17, at '#/components/schemas/Holder/properties/pet/$ref': The reference '#/components/schemas/Pet' cannot be resolved: the document has no node at '#/components/schemas/Pet'. No code is generated for the document. Point the '$ref' or discriminator mapping value at a node that exists, such as '#/components/schemas/Name'.",
            output.GeneratorDiagnostics.Single().GetMessage(CultureInfo.InvariantCulture));
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
            "'/specs/duplicates.yaml' line 12, column 7, at '#/paths/~1b/get/operationId': The operations GET /a (operationId 'getA') and GET /b (operationId 'getA') both map to the method name 'GetAAsync', so the method of the second is named 'GetA2Async'. Give each operation a unique operationId.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MissingFile_NamesReferenceAndItemToAdd()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/external.yaml", MissingFile));

        var message = output.GeneratorDiagnostics.Single(diagnostic => diagnostic.Id == "OASG042").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'pet.yaml#/Pet'", message);
        Assert.Contains("Add <AdditionalFiles Include=\"/specs/pet.yaml\" />", message);
    }

    [Fact]
    public void MissingFile_StillGeneratesHolderWithJsonElement()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/external.yaml", MissingFile));

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
        const string Document = """
            openapi: 3.0.3
            info: { title: Unsupported, version: "1" }
            paths:
              /uploads:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: { type: object }
                  responses:
                    "204": { description: Stored. }
            """;
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/unsupported.yaml", Document));

        var ids = output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id).ToList();
        Assert.Contains("OASG007", ids);
        Assert.Empty(output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("UploadAsync"));
    }
}
