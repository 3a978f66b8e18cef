using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>Generates from <c>Documents/schemas.yaml</c>: enums, unions, maps, formats, the nullable and required matrix, and names.</summary>
public sealed class SchemasGenerationTests
{
    private static readonly GeneratorOutput Output = GeneratorHarness.Run(TestDocuments.Local("schemas.yaml"));

    [Fact]
    public void Schemas_CompileWithoutDiagnostics()
    {
        Assert.Null(Output.Result.Exception);
        Assert.Empty(Output.GeneratorDiagnostics);
        Assert.Empty(Output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("Name", "string")]
    [InlineData("Note", "string?")]
    [InlineData("Count", "long?")]
    [InlineData("Part", "Contoso.Api.Part?")]
    [InlineData("Tags", "System.Collections.Generic.IReadOnlyList<string>?")]
    [InlineData("Either", "Contoso.Api.ThingEither?")]
    [InlineData("Flexible", "Contoso.Api.ThingFlexible?")]
    public void OpenApi31NullTypes_KeepNullability(string propertyName, string expectedType)
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("schemas-3.1.yaml"));

        Assert.Empty(output.GeneratorDiagnostics);
        var property = output.Compilation.GetTypeByMetadataName("Contoso.Api.Thing")!.GetMembers(propertyName).OfType<IPropertySymbol>().Single();
        Assert.Equal(expectedType, property.Type.ToDisplayString());
    }

    [Theory]
    [InlineData("ThingEither", "String", "string?")]
    [InlineData("ThingEither", "Int32", "int?")]
    [InlineData("ThingFlexible", "StringList", "System.Collections.Generic.IReadOnlyList<string>?")]
    [InlineData("ThingFlexible", "Value", "System.Text.Json.JsonElement?")]
    public void SeveralTypes_BecomeUnionVariants(string typeName, string propertyName, string expectedType)
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("schemas-3.1.yaml"));

        var property = output.Compilation.GetTypeByMetadataName("Contoso.Api." + typeName)!.GetMembers(propertyName).OfType<IPropertySymbol>().Single();
        Assert.Equal(expectedType, property.Type.ToDisplayString());
    }

    [Theory]
    [InlineData("Zoo", "Color", "Contoso.Api.Color?")]
    [InlineData("Zoo", "Labels", "System.Collections.Generic.IReadOnlyDictionary<string, string>?")]
    [InlineData("Zoo", "Anything", "System.Collections.Generic.IReadOnlyDictionary<string, System.Text.Json.JsonElement>?")]
    [InlineData("Zoo", "Id", "System.Guid?")]
    [InlineData("Zoo", "Photo", "byte[]?")]
    [InlineData("Zoo", "Born", "System.DateOnly?")]
    [InlineData("Zoo", "MaybeCat", "Contoso.Api.Cat?")]
    [InlineData("Zoo", "Size", "Contoso.Api.ZooSize?")]
    [InlineData("Zoo", "Untyped", "System.Text.Json.JsonElement?")]
    [InlineData("Zoo", "DescribedCat", "Contoso.Api.Cat?")]
    [InlineData("ZooWrapped", "Inner", "string?")]
    [InlineData("Extensible", "AdditionalProperties", "System.Collections.Generic.IReadOnlyDictionary<string, int>?")]
    [InlineData("MatrixRequest", "OptionalNullable", "Contoso.Api.Optional<string?>")]
    [InlineData("MatrixResponse", "Secret", "string?")]
    [InlineData("Names", "Names2", "string?")]
    [InlineData("Names", "ToString2", "string?")]
    [InlineData("Names", "_1st", "string?")]
    [InlineData("Names", "Ünïcode", "string?")]
    [InlineData("Names", "FooBar3", "string?")]
    public void Property_HasExpectedType(string typeName, string propertyName, string expectedType)
    {
        var property = Output.Compilation.GetTypeByMetadataName("Contoso.Api." + typeName)!.GetMembers(propertyName).OfType<IPropertySymbol>().Single();

        Assert.Equal(expectedType, property.Type.ToDisplayString());
    }

    [Theory]
    [InlineData("PetOwner")]
    [InlineData("PetOwner2")]
    public void CollidingSchemaNames_GetDistinctTypes(string typeName)
    {
        Assert.NotNull(Output.Compilation.GetTypeByMetadataName("Contoso.Api." + typeName));
    }

    [Fact]
    public void DiscriminatorOverInlineVariants_ReadsByShapeAndCompiles()
    {
        const string Document = """
            openapi: 3.0.3
            info: { title: Unions, version: "1" }
            paths:
              /u:
                get:
                  operationId: get-u
                  responses:
                    "200":
                      description: x
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/U" }
            components:
              schemas:
                U:
                  oneOf:
                    - { type: object, required: [k, a], properties: { k: { type: string }, a: { type: integer } } }
                    - { type: object, required: [k, b], properties: { k: { type: string }, b: { type: string } } }
                  discriminator: { propertyName: k }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/unions.yaml", Document, "Contoso.Unions", "UnionsClient"));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
        var union = output.RunResult.GeneratedTrees.Single(tree => tree.FilePath.EndsWith("Contoso.Unions.U.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("switch (tag.GetString())", union, System.StringComparison.Ordinal);
    }
}
