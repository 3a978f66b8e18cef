using System.Globalization;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Runs the generator over documents that it reads with a fallback or rejects, and checks that each problem is
/// reported once at its node, and what the generated code does instead.
/// </summary>
public sealed class LocatedDiagnosticsTests
{
    private const string MissingPathParameter = """
        openapi: 3.0.3
        info: { title: Placeholders, version: "1" }
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              responses:
                "204": { description: No content. }
        """;

    private const string UnusedPathParameter = """
        openapi: 3.0.3
        info: { title: Placeholders, version: "1" }
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
                - { name: petId, in: path, required: true, schema: { type: string } }
              responses:
                "204": { description: No content. }
        """;

    private const string UnusedSharedPathParameter = """
        openapi: 3.0.3
        info: { title: Placeholders, version: "1" }
        paths:
          /pets:
            parameters:
              - { name: petId, in: path, required: true, schema: { type: string } }
            get:
              operationId: listPets
              responses:
                "204": { description: No content. }
        """;

    private const string SymbolOperationId = """
        openapi: 3.0.3
        info: { title: Names, version: "1" }
        paths:
          /pets/{petId}:
            get:
              operationId: "---"
              parameters:
                - { name: petId, in: path, required: true, schema: { type: string } }
              responses:
                "204": { description: No content. }
        """;

    private const string ConflictingAllOf = """
        openapi: 3.0.3
        info: { title: Merge, version: "1" }
        paths: {}
        components:
          schemas:
            Named:
              type: object
              properties:
                id: { type: string }
                name: { type: string }
            Pet:
              allOf:
                - $ref: "#/components/schemas/Named"
                - type: object
                  properties:
                    id: { type: integer, format: int64 }
                    name: { type: string }
        """;

    private const string MissingMappingTarget = """
        openapi: 3.0.3
        info: { title: Mapping, version: "1" }
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                kind: { type: string }
              discriminator:
                propertyName: kind
                mapping:
                  dog: "#/components/schemas/Dog"
        """;

    private const string OtherDialect = """
        openapi: 3.1.0
        info: { title: Dialect, version: "1" }
        jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema"
        paths: {}
        """;

    private const string UnreferencedPathItems = """
        openapi: 3.1.0
        info: { title: Path items, version: "1" }
        paths:
          /pets:
            $ref: "#/components/pathItems/Pets"
        components:
          pathItems:
            Pets:
              get:
                operationId: listPets
                responses:
                  "204": { description: No content. }
            Owners:
              get:
                operationId: listOwners
                responses:
                  "204": { description: No content. }
        """;

    /// <summary>
    /// Documents with one problem each, the diagnostic it gives, where (the zero-based line and column, and the
    /// JSON pointer that the message names), and a part of the message that states what the generator did.
    /// </summary>
    public static TheoryData<string, string, string, int, int, string, string> Documents => new()
    {
        { "missing-path-parameter.yaml", MissingPathParameter, "OASG017", 4, 4, "#/paths/~1pets~1{petId}/get", "The path '/pets/{petId}' has the placeholder '{petId}', but operation 'getPet' and its path item declare no 'in: path' parameter named 'petId', so the method takes it as a string parameter." },
        { "unused-path-parameter.yaml", UnusedPathParameter, "OASG018", 8, 10, "#/paths/~1pets/get/parameters/1", "The path parameter 'petId' of operation 'listPets' has no placeholder in the path '/pets', so the method has no parameter for it" },
        { "unused-shared-path-parameter.yaml", UnusedSharedPathParameter, "OASG018", 5, 8, "#/paths/~1pets/parameters/0", "Add '{petId}' to the path, or remove the parameter." },
        { "symbol-operation-id.yaml", SymbolOperationId, "OASG019", 5, 6, "#/paths/~1pets~1{petId}/get/operationId", "The operationId '---' has no letter or digit to name a C# method after, so the method is named 'GetPetsPetIdAsync'" },
        { "conflicting-all-of.yaml", ConflictingAllOf, "OASG032", 15, 12, "#/components/schemas/Pet/allOf/1/properties/id", "The 'allOf' parts of the schema at '#/components/schemas/Pet' declare the property 'id' as a string and as an integer (int64), so the class keeps an integer (int64), from the later part." },
        { "missing-mapping-target.yaml", MissingMappingTarget, "OASG011", 12, 10, "#/components/schemas/Pet/discriminator/mapping/dog", "The reference '#/components/schemas/Dog' cannot be resolved: the discriminator mapping names it for the value 'dog', but the document has no node at '#/components/schemas/Dog'." },
        { "other-dialect.yaml", OtherDialect, "OASG046", 2, 0, "#/jsonSchemaDialect", "The document sets 'jsonSchemaDialect' to 'https://json-schema.org/draft/2020-12/schema', but the generator reads every schema as an OpenAPI schema whatever the dialect" },
        { "unreferenced-path-items.yaml", UnreferencedPathItems, "OASG047", 6, 2, "#/components/pathItems", "The path items 'Owners' under 'components/pathItems' are not referenced from 'paths', so the generator generates no methods for them." },
        { "query-in-path.yaml", DocumentChecksTests.QueryInPath, "OASG020", 8, 2, "#/paths/~1c?x=1", "The path '/c?x=1' contains a query string ('?x=1'), which OpenAPI does not allow in a path, so the request URI cannot be built from it and the generator generates no methods for its operations." },
        { "unclosed-placeholder.yaml", DocumentChecksTests.UnclosedPlaceholder, "OASG020", 3, 2, "#/paths/~1b~1{open", "The path '/b/{open' has a '{' that is never closed" },
        { "unopened-placeholder.yaml", DocumentChecksTests.UnopenedPlaceholder, "OASG020", 3, 2, "#/paths/~1b~1id}~1x", "The path '/b/id}/x' has a '}' that closes no placeholder" },
        { "missing-required.yaml", DocumentChecksTests.MissingRequired, "OASG021", 7, 22, "#/components/schemas/Req/required/1", "The schema at '#/components/schemas/Req' lists 'ghost' in 'required', but neither its 'properties' nor its 'allOf' parts declare a property 'ghost', so the generated class has no member for it" },
        { "missing-required-in-part.yaml", DocumentChecksTests.MissingRequiredInPart, "OASG021", 13, 27, "#/components/schemas/Pet/allOf/1/required/1", "The schema at '#/components/schemas/Pet/allOf/1' lists 'nmae' in 'required'" },
        { "unfit-integer-enum.yaml", DocumentChecksTests.UnfitIntegerEnum, "OASG022", 5, 34, "#/components/schemas/Frac/enum/0", "The enum value 1.5 is not a 64-bit integer, so the enum has no member for it and reading it fails. Write the value as a 64-bit integer, or change the schema's 'type'." },
        { "unfit-string-enum.yaml", DocumentChecksTests.UnfitStringEnum, "OASG022", 5, 37, "#/components/schemas/Mixed/enum/1", "The enum value 1 is not a string, so its member matches only the JSON string \"1\" and reading 1 fails." },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_ReportsLocatedDiagnostic(string fileName, string text, string expectedId, int expectedLine, int expectedColumn, string expectedPointer, string expectedMessagePart)
    {
        var path = "/specs/" + fileName;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem(path, text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal(expectedId, diagnostic.Id);
        LocatedDiagnosticAssert.At(diagnostic, path, expectedLine, expectedColumn, expectedPointer);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains(expectedMessagePart, message);
        Assert.DoesNotContain("..", message);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_GeneratesCodeThatCompiles(string fileName, string text, string expectedId, int expectedLine, int expectedColumn, string expectedPointer, string expectedMessagePart)
    {
        _ = (expectedId, expectedLine, expectedColumn, expectedPointer, expectedMessagePart);

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/" + fileName, text));

        Assert.Null(output.Result.Exception);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void MissingPathParameter_BecomesStringParameter()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/missing-path-parameter.yaml", MissingPathParameter));

        var method = ClientMethod(output, "GetPetAsync");
        Assert.Equal(["petId", "cancellationToken"], method.Parameters.Select(parameter => parameter.Name));
        Assert.Equal("string", method.Parameters[0].Type.ToDisplayString());
    }

    [Fact]
    public void UnusedPathParameter_IsNotAMethodParameter()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/unused-path-parameter.yaml", UnusedPathParameter));

        var method = ClientMethod(output, "ListPetsAsync");
        Assert.Equal(["limit", "cancellationToken"], method.Parameters.Select(parameter => parameter.Name));
    }

    [Theory]
    [InlineData("\"---\"")]
    [InlineData("\"$$$\"")]
    [InlineData("_")]
    public void SymbolOperationId_FallsBackToPathName(string operationId)
    {
        var text = SymbolOperationId.Replace("\"---\"", operationId, System.StringComparison.Ordinal);

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/symbol-operation-id.yaml", text));

        Assert.Equal("OASG019", Assert.Single(output.GeneratorDiagnostics).Id);
        _ = ClientMethod(output, "GetPetsPetIdAsync");
        Assert.Empty(output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("ValueAsync"));
    }

    [Fact]
    public void ConflictingAllOf_KeepsLaterType()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/conflicting-all-of.yaml", ConflictingAllOf));

        var pet = output.Compilation.GetTypeByMetadataName("Contoso.Api.Pet");
        Assert.NotNull(pet);
        var id = pet.GetMembers("Id").OfType<IPropertySymbol>().Single();
        Assert.Equal("long?", id.Type.ToDisplayString());
    }

    [Fact]
    public void ConflictingAllOf_ReportedOnceWhenReused()
    {
        var text = ConflictingAllOf + "\n    Dog:\n      allOf:\n        - $ref: \"#/components/schemas/Pet\"\n        - type: object\n          properties:\n            bark: { type: boolean }\n";

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/conflicting-all-of.yaml", text));

        Assert.Equal("OASG032", Assert.Single(output.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void NarrowingAllOf_IsNotReported()
    {
        const string Document = """
            openapi: 3.0.3
            info: { title: Merge, version: "1" }
            paths: {}
            components:
              schemas:
                Station:
                  type: object
                  properties:
                    name: { type: string }
                Uuid: { type: string, format: uuid }
                Wrapper:
                  type: object
                  properties:
                    data: { type: array, items: { type: object } }
                    links: { type: object }
                    id: { type: string, format: uuid }
                Stations:
                  allOf:
                    - $ref: "#/components/schemas/Wrapper"
                    - properties:
                        data: { type: array, items: { $ref: "#/components/schemas/Station" } }
                        links: { properties: { self: { type: string } } }
                        id: { $ref: "#/components/schemas/Uuid" }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/narrowing-all-of.yaml", Document));

        Assert.Empty(output.GeneratorDiagnostics);
    }

    [Fact]
    public void MissingMappingTarget_GeneratesNoCode()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/missing-mapping-target.yaml", MissingMappingTarget));

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(output.GeneratorDiagnostics).Severity);
        Assert.Empty(output.Result.GeneratedSources);
    }

    [Fact]
    public void PathItemReference_GeneratesMethod()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/unreferenced-path-items.yaml", UnreferencedPathItems));

        _ = ClientMethod(output, "ListPetsAsync");
        Assert.Empty(output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("ListOwnersAsync"));
    }

    [Fact]
    public void PathItemReference_KeepsSharedParameters()
    {
        const string Document = """
            openapi: 3.1.0
            info: { title: Path items, version: "1" }
            paths:
              /pets/{petId}:
                $ref: "#/components/pathItems/Pet"
                parameters:
                  - { name: petId, in: path, required: true, schema: { type: integer } }
            components:
              pathItems:
                Pet:
                  get:
                    operationId: getPet
                    parameters:
                      - { name: verbose, in: query, schema: { type: boolean } }
                    responses:
                      "204": { description: No content. }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/path-item-parameters.yaml", Document));

        Assert.Empty(output.GeneratorDiagnostics);
        var method = ClientMethod(output, "GetPetAsync");
        Assert.Equal(["petId", "verbose", "cancellationToken"], method.Parameters.Select(parameter => parameter.Name));
    }

    [Fact]
    public void PathItemOperationDiagnostic_PointsIntoComponents()
    {
        const string Document = """
            openapi: 3.1.0
            info: { title: Path items, version: "1" }
            paths:
              /pets:
                $ref: "#/components/pathItems/Pets"
            components:
              pathItems:
                Pets:
                  get:
                    operationId: "---"
                    responses:
                      "204": { description: No content. }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/path-item-operation.yaml", Document));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG019", diagnostic.Id);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("https://spec.openapis.org/oas/3.1/dialect/base")]
    [InlineData("https://spec.openapis.org/oas/3.1/dialect/2024-11-10")]
    public void OpenApiDialect_IsNotReported(string dialect)
    {
        var text = OtherDialect.Replace("https://json-schema.org/draft/2020-12/schema", dialect, System.StringComparison.Ordinal);

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/dialect.yaml", text));

        Assert.Empty(output.GeneratorDiagnostics);
    }

    private static IMethodSymbol ClientMethod(GeneratorOutput output, string name)
    {
        var client = output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient");
        Assert.NotNull(client);
        return Assert.Single(client.GetMembers(name).OfType<IMethodSymbol>());
    }
}
