using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Runs the generator over documents with a path or a required list that the generated code cannot follow, and
/// checks what the generated code does instead. <see cref="LocatedDiagnosticsTests"/> checks where each is reported.
/// </summary>
public sealed class DocumentChecksTests
{
    internal const string QueryInPath = """
        openapi: 3.0.3
        info: { title: Paths, version: "1" }
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                "204": { description: No content. }
          /c?x=1:
            get:
              operationId: getC
              parameters:
                - { name: y, in: query, schema: { type: string } }
              responses:
                "204": { description: No content. }
        """;

    internal const string UnclosedPlaceholder = """
        openapi: 3.0.3
        info: { title: Paths, version: "1" }
        paths:
          /b/{open:
            get:
              operationId: getB
              responses:
                "204": { description: No content. }
        """;

    internal const string UnopenedPlaceholder = """
        openapi: 3.0.3
        info: { title: Paths, version: "1" }
        paths:
          /b/id}/x:
            get:
              operationId: getB
              responses:
                "204": { description: No content. }
        """;

    internal const string MissingRequired = """
        openapi: 3.0.3
        info: { title: Required, version: "1" }
        paths: {}
        components:
          schemas:
            Req:
              type: object
              required: [dup, ghost]
              properties:
                dup: { type: string }
        """;

    internal const string MissingRequiredInPart = """
        openapi: 3.0.3
        info: { title: Required, version: "1" }
        paths: {}
        components:
          schemas:
            Named:
              type: object
              properties:
                name: { type: string }
            Pet:
              allOf:
                - $ref: "#/components/schemas/Named"
                - type: object
                  required: [name, nmae]
                  properties:
                    id: { type: integer }
        """;

    internal const string UnfitIntegerEnum = """
        openapi: 3.0.3
        info: { title: Enums, version: "1" }
        paths: {}
        components:
          schemas:
            Frac: { type: integer, enum: [1.5, 2] }
        """;

    internal const string UnfitStringEnum = """
        openapi: 3.0.3
        info: { title: Enums, version: "1" }
        paths: {}
        components:
          schemas:
            Mixed: { type: string, enum: [a, 1] }
        """;

    [Fact]
    public void QueryInPath_SkipsOnlyThatPath()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/query-in-path.yaml", QueryInPath));

        var client = output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient");
        Assert.NotNull(client);
        Assert.Single(client.GetMembers("ListPetsAsync"));
        Assert.Empty(client.GetMembers("GetCAsync"));
    }

    [Fact]
    public void FragmentInPath_IsNotSent()
    {
        const string Document = """
            openapi: 3.0.3
            info: { title: Paths, version: "1" }
            paths:
              /pets#byName:
                get:
                  operationId: listPetsByName
                  parameters:
                    - { name: name, in: query, schema: { type: string } }
                  responses:
                    "204": { description: No content. }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/fragment-in-path.yaml", Document));

        Assert.Empty(output.GeneratorDiagnostics);
        var client = output.Source("Contoso.Api.ContosoClient.g.cs");
        Assert.Contains("\"/pets\"", client);
        Assert.DoesNotContain("#byName", client);
    }

    [Theory]
    [InlineData("{ type: object, additionalProperties: { type: string }, required: [tag], properties: { id: { type: string } } }")]
    [InlineData("{ allOf: [{ $ref: \"#/components/schemas/Named\" }, { type: object, required: [name] }] }")]
    [InlineData("{ allOf: [{ $ref: \"#/components/schemas/Named\" }], required: [name], properties: { id: { type: string } } }")]
    [InlineData("{ type: object, required: [name], properties: { id: { type: string } } }\n    Dog: { allOf: [{ $ref: \"#/components/schemas/Pet\" }, { properties: { name: { type: string } } }] }")]
    public void RequiredDeclaredElsewhere_IsNotReported(string schema)
    {
        var text = $$"""
            openapi: 3.0.3
            info: { title: Required, version: "1" }
            paths: {}
            components:
              schemas:
                Named:
                  type: object
                  properties:
                    name: { type: string }
                Pet: {{schema}}
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/required-elsewhere.yaml", text));

        Assert.Empty(output.GeneratorDiagnostics);
    }

    [Fact]
    public void BigIntegerEnumValue_IsReported()
    {
        var text = UnfitIntegerEnum.Replace("[1.5, 2]", "[1, 99999999999999999999]", System.StringComparison.Ordinal);

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/big-enum.yaml", text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG022", diagnostic.Id);
        Assert.Contains("is not a 64-bit integer, so the enum has no member for it", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("swagger: \"2.0\"\nhost: api.example.com\nbasePath: /v2", "https://api.example.com/v2")]
    [InlineData("swagger: \"2.0\"\nhost: api.example.com\nbasePath: /v2\nschemes: [http]", "http://api.example.com/v2")]
    [InlineData("swagger: \"2.0\"\nbasePath: /v2", "/v2")]
    [InlineData("openapi: 3.0.3\nservers:\n  - url: https://api.example.com/v0.1", "https://api.example.com/v0.1")]
    public void ServerUrl_NamedInClientSummary(string header, string expectedUrl)
    {
        var text = header + "\ninfo: { title: Servers, version: \"1\" }\npaths: {}\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/servers.yaml", text));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Contains("The document's server URL is <c>" + expectedUrl + "</c>", output.Source("Contoso.Api.ContosoClient.g.cs"));
    }

    [Theory]
    [InlineData("/specs/loose.json", "{'openapi': '3.0.0', /* c */ info: {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, // c\n \"components\": {\"schemas\": {\"A\": {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\",},},},},},}")]
    [InlineData("/specs/loose.yaml", "openapi: '3.0.0'\ninfo: {title: t, 'version': '1',}\npaths: {}\ncomponents: {schemas: {A: {type: object, properties: {x: {type: string,},},},},}\n")]
    public void NonStrictJson_IsAccepted(string path, string text)
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(path, text));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.A"));
    }
}
