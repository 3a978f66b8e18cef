using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

public sealed class MetadataTests
{
    private const string SwaggerDocument = """
        {
          "swagger": "2.0",
          "info": { "title": "Pets", "version": "1" },
          "basePath": "/v1",
          "paths": {
            "/pets/{pet-id}": {
              "get": {
                "operationId": "pet-show",
                "parameters": [
                  { "name": "pet-id", "in": "path", "required": true, "type": "integer", "format": "int64" },
                  { "name": "tags", "in": "query", "type": "array", "items": { "type": "string" } }
                ],
                "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/v1.Pet" } } }
              }
            }
          },
          "definitions": {
            "v1.Pet": {
              "type": "object",
              "required": [ "id" ],
              "properties": {
                "id": { "type": "integer", "format": "int64" },
                "name": { "type": "string", "x-nullable": true }
              }
            }
          }
        }
        """;

    [Theory]
    [InlineData("my-company.2api", "MyCompany._2api")]
    [InlineData("Contoso.class", "Contoso.Class")]
    [InlineData("Contoso.Api", "Contoso.Api")]
    public void NamespaceMetadata_IsMadeValid(string metadata, string expected)
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("shapes.yaml") with { Namespace = metadata });

        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName(expected + ".ContosoClient"));
    }

    [Fact]
    public void ClientNameMetadata_IsMadeValid()
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("shapes.yaml") with { ClientName = "shapes-client" });

        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.ShapesClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.ShapesException"));
    }

    [Theory]
    [InlineData(null, Accessibility.Public)]
    [InlineData("public", Accessibility.Public)]
    [InlineData("internal", Accessibility.Internal)]
    [InlineData("Internal", Accessibility.Internal)]
    public void TypeAccessibilityMetadata_SetsTopLevelTypes(string? metadata, Accessibility expected)
    {
        var output = GeneratorHarness.Run(WithAccessibility(metadata));

        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        var types = GeneratedTypes(output.Compilation).Where(type => type.Name != "OpenApiJson").ToList();
        Assert.Contains(types, type => type.Name == "ContosoClient");
        Assert.Contains(types, type => type.Name == "IContosoClient");
        Assert.Contains(types, type => type.Name == "ContosoException");
        Assert.Contains(types, type => type.Name == "ContosoClientJsonSerializerContext");
        Assert.Contains(types, type => type.Name == "Optional");
        Assert.Contains(types, type => type.Name == "Item");
        Assert.All(types, type => Assert.Equal(expected, type.DeclaredAccessibility));
    }

    [Theory]
    [InlineData("ContosoClient")]
    [InlineData("Item")]
    [InlineData("Optional<int>")]
    public void InternalTypes_AreHiddenFromConsumer(string typeName)
    {
        var output = GeneratorHarness.Run(WithAccessibility("internal"));
        var library = GeneratorHarness.EmitToReference(output.Compilation);

        var consumer = GeneratorHarness.CreateCompilation("namespace Consumer { public static class Use { public static object? Value(Contoso.Api." + typeName + " value) => value; } }")
            .AddReferences(library);

        Assert.Contains(consumer.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Id == "CS0122");
    }

    [Fact]
    public void PublicTypes_AreVisibleToConsumer()
    {
        var output = GeneratorHarness.Run(WithAccessibility("public"));
        var library = GeneratorHarness.EmitToReference(output.Compilation);

        var consumer = GeneratorHarness.CreateCompilation("namespace Consumer { public static class Use { public static object? Value(Contoso.Api.ContosoClient value) => value; } }")
            .AddReferences(library);

        Assert.Empty(consumer.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void SwaggerDocument_GeneratesSameShapes()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/pets.json", SwaggerDocument));

        Assert.Empty(output.AllDiagnostics);
        var pet = output.Compilation.GetTypeByMetadataName("Contoso.Api.V1Pet");
        Assert.NotNull(pet);
        Assert.Equal("long", pet.GetMembers("Id").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        Assert.Equal("string?", pet.GetMembers("Name").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        var method = output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("PetShowAsync").OfType<IMethodSymbol>().Single();
        Assert.Equal(["petId", "tags", "cancellationToken"], method.Parameters.Select(parameter => parameter.Name));
        Assert.Contains("requestBuilder.AppendQuery(\"tags\", ParameterValue.Of(tags), ParameterStyle.Form, explode: false);", output.Source("Contoso.Api.ContosoClient.g.cs"));
    }

    [Fact]
    public void ExternalFile_IsNotRead()
    {
        var folder = Directory.CreateTempSubdirectory("oasg-external-").FullName;
        try
        {
            var specPath = Path.Combine(folder, "spec.yaml");
            File.WriteAllText(Path.Combine(folder, "pet.yaml"), "Pet:\n  type: object\n  properties:\n    name:\n      type: string\n");
            var text = """
                openapi: 3.0.3
                info: { title: External, version: "1" }
                paths: {}
                components:
                  schemas:
                    Holder:
                      type: object
                      properties:
                        pet:
                          $ref: "pet.yaml#/Pet"
                """;

            var output = GeneratorHarness.Run(new OpenApiDocumentItem(specPath, text));

            Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG042");
            Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Api.Pet"));
            var pet = output.Compilation.GetTypeByMetadataName("Contoso.Api.Holder")!.GetMembers("Pet").OfType<IPropertySymbol>().Single();
            Assert.Equal("System.Text.Json.JsonElement?", pet.Type.ToDisplayString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static OpenApiDocumentItem WithAccessibility(string? value) =>
        TestDocuments.Local("shapes.yaml") with
        {
            Metadata = value is null ? null : new Dictionary<string, string> { ["TypeAccessibility"] = value },
        };

    private static IEnumerable<INamedTypeSymbol> GeneratedTypes(Compilation compilation)
    {
        var @namespace = compilation.Assembly.GlobalNamespace.GetNamespaceMembers().Single(member => member.Name == "Contoso")
            .GetNamespaceMembers().Single(member => member.Name == "Api");
        return @namespace.GetTypeMembers();
    }
}
