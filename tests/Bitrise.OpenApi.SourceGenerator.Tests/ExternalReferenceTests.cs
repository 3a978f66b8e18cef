using System.IO;
using System.Linq;
using Bitrise.CodeSigning.Testing;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Bitrise.OpenApi.SourceGenerator.Parser;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// References to other files, resolved from the texts that the document input carries. The parser is called
/// directly with those texts, as the pipeline passes them from the other <c>AdditionalFiles</c> items.
/// </summary>
public sealed class ExternalReferenceTests
{
    private const string Root = "/specs/api/";

    private const string Document = """
        openapi: 3.0.3
        info: { title: Split, version: "1" }
        paths:
          /pets:
            get:
              operationId: pet-list
              parameters:
                - $ref: "parameters.yaml#/limit"
              responses:
                "200":
                  description: The pets.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: "pets.yaml#/Pet"
                default:
                  description: An error.
                  content:
                    application/json:
                      schema:
                        $ref: "./common/Error.yaml"
        components:
          schemas:
            Owner:
              type: object
              properties:
                address:
                  $ref: "../shared/types.json#/components/schemas/Address"
        """;

    private const string Pets = """
        Pet:
          type: object
          required: [name]
          properties:
            name:
              type: string
            owner:
              $ref: "#/Owner"
        Owner:
          type: object
          properties:
            name:
              type: string
        """;

    private const string Parameters = """
        limit:
          name: limit
          in: query
          schema:
            type: integer
        """;

    private const string Error = """
        type: object
        properties:
          message:
            type: string
        """;

    private const string Types = """
        {
          "components": {
            "schemas": {
              "Address": { "type": "object", "properties": { "city": { "type": "string" } } }
            }
          }
        }
        """;

    private static readonly ReferencedText[] AllFiles =
    [
        new(Root + "pets.yaml", Pets),
        new(Root + "parameters.yaml", Parameters),
        new(Root + "common/Error.yaml", Error),
        new("/specs/shared/types.json", Types),
    ];

    [Fact]
    public void SplitDocument_ResolvesEveryFile()
    {
        var model = Parse(Document, AllFiles);

        Assert.Empty(model.Diagnostics);
        Assert.Equal(["Address", "Error", "Owner", "Owner2", "Pet"], model.Schemas.Select(schema => schema.TypeName).OrderBy(name => name, System.StringComparer.Ordinal));
    }

    [Fact]
    public void ParameterInOtherFile_IsPutInPlace()
    {
        var model = Parse(Document, AllFiles);

        var parameter = Assert.Single(Assert.Single(model.Operations).Parameters);
        Assert.Equal("limit", parameter.WireName);
    }

    [Fact]
    public void LocalReferenceInOtherFile_ResolvesInThatFile()
    {
        var model = Parse(Document, AllFiles);

        var pet = model.Schemas.Single(schema => schema.TypeName == "Pet");
        var owner = pet.Properties.Single(property => property.JsonName == "owner");
        Assert.Equal("Owner2", owner.Type.ModelName);
    }

    [Fact]
    public void MissingFragment_IsReportedAtReference()
    {
        var text = Document.Replace("pets.yaml#/Pet", "pets.yaml#/Cat");

        var model = Parse(text, AllFiles);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("OASG011", diagnostic.Id);
        Assert.Equal(Root + "openapi.yaml", diagnostic.Location.FilePath);
        Assert.Equal(16, diagnostic.Location.StartLine);
        Assert.Contains("'/specs/api/pets.yaml' has no node at '#/Cat'", diagnostic.MessageArguments[1]);
    }

    [Fact]
    public void ProblemInOtherFile_IsLocatedInThatFile()
    {
        var pets = Pets.Replace("    name:\n      type: string\n    owner:", "    name:\n      type: string\n    name:\n      type: integer\n    owner:");

        var model = Parse(Document, [new(Root + "pets.yaml", pets), .. AllFiles.Skip(1)]);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("OASG040", diagnostic.Id);
        Assert.Equal(Root + "pets.yaml", diagnostic.Location.FilePath);
        Assert.Equal(6, diagnostic.Location.StartLine);
        Assert.Equal(4, diagnostic.Location.StartColumn);
        Assert.Equal("#/Pet/properties/name", diagnostic.Location.Pointer);
    }

    [Fact]
    public void MapperDiagnosticInOtherFile_IsLocatedInThatFile()
    {
        var error = Error + "\n  detail:\n    allOf:\n      - type: string\n      - type: integer\n";

        var model = Parse(Document, [.. AllFiles.Where(file => !file.FilePath.EndsWith("Error.yaml", System.StringComparison.Ordinal)), new(Root + "common/Error.yaml", error)]);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("OASG005", diagnostic.Id);
        Assert.Equal(Root + "common/Error.yaml", diagnostic.Location.FilePath);
        Assert.Equal(4, diagnostic.Location.StartLine);
        Assert.Equal("#/properties/detail", diagnostic.Location.Pointer);
    }

    [Fact]
    public void SyntaxErrorInOtherFile_IsLocatedInThatFile()
    {
        var model = Parse(Document, [new(Root + "pets.yaml", "Pet: [unclosed\n  type: object\n"), .. AllFiles.Skip(1)]);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("OASG001", diagnostic.Id);
        Assert.Equal(Root + "pets.yaml", diagnostic.Location.FilePath);
        Assert.Empty(model.Operations);
    }

    [Fact]
    public void FileNotAmongReferences_AsksToAddItem()
    {
        var model = Parse(Document, AllFiles.Skip(1).ToArray());

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("OASG042", diagnostic.Id);
        Assert.Equal(Root + "openapi.yaml", diagnostic.Location.FilePath);
        Assert.Equal(Root + "pets.yaml", diagnostic.MessageArguments[1]);
    }

    [Fact]
    public void PetstoreSeparateFixture_GeneratesClean()
    {
        var folder = Path.Combine(RepositoryPaths.RequireShared("fixtures/openapi"), "oai-examples/v2.0/petstore-separate");
        var document = Path.Combine(folder, "spec/swagger.yaml");
        var references = new[] { "spec/Pet.yaml", "spec/NewPet.yaml", "spec/parameters.yaml", "common/Error.yaml" }
            .Select(file => new ReferencedText(Path.Combine(folder, file), File.ReadAllText(Path.Combine(folder, file))))
            .ToEquatableArray();

        var model = OpenApiParser.Parse(new OpenApiDocumentInput(document, File.ReadAllText(document), "Fixture", "FixtureClient", references), TestContext.Current.CancellationToken);

        Assert.Empty(model.Diagnostics);
        Assert.Equal(["Error", "NewPet", "Pet"], model.Schemas.Select(schema => schema.TypeName).OrderBy(name => name, System.StringComparer.Ordinal));
        var findPets = model.Operations.Single(operation => operation.MethodName == "FindPetsAsync");
        Assert.Equal(["tags", "limit"], findPets.Parameters.Select(parameter => parameter.WireName));
    }

    private static OpenApiDocumentModel Parse(string text, ReferencedText[] references) =>
        OpenApiParser.Parse(
            new OpenApiDocumentInput(Root + "openapi.yaml", text, "Contoso.Api", "ContosoClient", references.ToEquatableArray()),
            TestContext.Current.CancellationToken);
}
