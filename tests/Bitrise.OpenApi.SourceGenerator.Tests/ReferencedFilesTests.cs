using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Model;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Which other <c>AdditionalFiles</c> items the generator hands the parser with a document, read from the
/// output of its references step in a real run.
/// </summary>
public sealed class ReferencedFilesTests
{
    private const string PetSchema = "Pet:\n  type: object\n  properties:\n    name: { type: string }\n";

    /// <summary>Document path, the text after <c>pet:</c> in the document, further files (path, text), expected reference paths.</summary>
    public static TheoryData<string, string, (string Path, string Text)[], string[]> Cases => new()
    {
        { "/specs/api.yaml", "{ $ref: pet.yaml#/Pet }", [("/specs/pet.yaml", PetSchema)], ["/specs/pet.yaml"] },
        { "/specs/api.yaml", "\n      $ref: \"./schemas/pet.yaml#/Pet\"", [("/specs/schemas/pet.yaml", PetSchema)], ["/specs/schemas/pet.yaml"] },
        { "/specs/api.yaml", "\n      $ref: '../common/pet.yaml#/Pet'", [("/common/pet.yaml", PetSchema)], ["/common/pet.yaml"] },
        { "/specs/api.yaml", "\n      \"$ref\": \"my%20pet.yaml#/Pet\"", [("/specs/my pet.yaml", PetSchema)], ["/specs/my pet.yaml"] },
        { "/specs/api.yaml", "{ $ref: Pet.yaml#/Pet }", [("/specs/pet.yaml", PetSchema)], ["/specs/pet.yaml"] },
        { "/specs/api.yaml", "{ $ref: 'https://example.com/pet.yaml#/Pet' }", [("/specs/pet.yaml", PetSchema)], [] },
        { "/specs/api.yaml", "{ $ref: '#/components/schemas/Holder' }", [("/specs/pet.yaml", PetSchema)], [] },
        { "/specs/api.yaml", "{ $ref: missing.yaml#/Pet }", [("/specs/pet.yaml", PetSchema)], [] },
        { "/specs/api.yaml", "{ $ref: api.yaml#/components/schemas/Holder }", [("/specs/pet.yaml", PetSchema)], [] },
        { "C:\\specs\\api.yaml", "{ $ref: schemas\\pet.yaml#/Pet }", [("C:\\specs\\schemas\\pet.yaml", PetSchema)], ["C:\\specs\\schemas\\pet.yaml"] },
        {
            "/specs/api.yaml",
            "{ $ref: a.yaml#/A }",
            [
                ("/specs/a.yaml", "A:\n  $ref: 'sub/b.yaml#/B'\n"),
                ("/specs/sub/b.yaml", "B:\n  properties:\n    back: { $ref: '../api.yaml#/components/schemas/Holder' }\n    again: { $ref: ../a.yaml#/A }\n    c: { \"$ref\": \"c.json#/C\" }\n"),
                ("/specs/sub/c.json", "{ \"C\": { \"type\": \"string\" } }"),
                ("/specs/unrelated.yaml", PetSchema),
            ],
            ["/specs/a.yaml", "/specs/sub/b.yaml", "/specs/sub/c.json"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExternalReferences_SelectReachedFiles(string documentPath, string reference, (string Path, string Text)[] files, string[] expected)
    {
        var text = "openapi: 3.0.3\ninfo: { title: Refs, version: \"1\" }\npaths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        pet: " + reference.Replace("\n", "\n    ") + "\n";
        var items = new List<OpenApiDocumentItem> { new(documentPath, text) };
        items.AddRange(files.Select(file => new OpenApiDocumentItem(file.Path, file.Text, OptIn: false)));

        var output = GeneratorHarness.Run([.. items]);

        var input = (OpenApiDocumentInput)Assert.Single(GeneratorHarness.StepOutputs(output.Driver, OpenApiGenerator.ReferencesStepName)).Value;
        Assert.Equal(expected, input.References.Select(file => file.FilePath));
        Assert.All(input.References, file => Assert.Equal(files.Single(item => item.Path == file.FilePath).Text, file.Text));
    }

    [Fact]
    public void OtherOpenApiDocument_IsSelectedToo()
    {
        var first = new OpenApiDocumentItem("/specs/first.yaml", "openapi: 3.0.3\ninfo: { title: First, version: \"1\" }\npaths: {}\ncomponents:\n  schemas:\n    Holder: { $ref: second.yaml#/components/schemas/Pet }\n", "Contoso.First", "FirstClient");
        var second = new OpenApiDocumentItem("/specs/second.yaml", "openapi: 3.0.3\ninfo: { title: Second, version: \"1\" }\npaths: {}\ncomponents:\n  schemas:\n    Pet: { type: object }\n", "Contoso.Second", "SecondClient");

        var output = GeneratorHarness.Run(first, second);

        var inputs = GeneratorHarness.StepOutputs(output.Driver, OpenApiGenerator.ReferencesStepName).Select(step => (OpenApiDocumentInput)step.Value).ToDictionary(input => input.FilePath);
        Assert.Equal(["/specs/second.yaml"], inputs["/specs/first.yaml"].References.Select(file => file.FilePath));
        Assert.Empty(inputs["/specs/second.yaml"].References);
    }

    [Theory]
    [InlineData("pet.yaml")]
    [InlineData("Pet.yaml")]
    public void ExternalReference_SelectedFile_ResolvesToGeneratedType(string referencedName)
    {
        var text = "openapi: 3.0.3\ninfo: { title: Refs, version: \"1\" }\npaths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        pet: { $ref: " + referencedName + "#/Pet }\n";
        var document = new OpenApiDocumentItem("/specs/api.yaml", text, "Contoso.Refs", "RefsClient");
        var pet = new OpenApiDocumentItem("/specs/pet.yaml", PetSchema, OptIn: false);

        var output = GeneratorHarness.Run(document, pet);

        Assert.Empty(output.GeneratorDiagnostics);
        var holder = output.Compilation.GetTypeByMetadataName("Contoso.Refs.Holder");
        Assert.NotNull(holder);
        var property = Assert.Single(holder.GetMembers("Pet").OfType<Microsoft.CodeAnalysis.IPropertySymbol>());
        Assert.Equal("Contoso.Refs.Pet", property.Type.WithNullableAnnotation(Microsoft.CodeAnalysis.NullableAnnotation.NotAnnotated).ToDisplayString());
    }

    [Fact]
    public void ReferencesDifferingInCase_ShareOneType()
    {
        var text = "openapi: 3.0.3\ninfo: { title: Refs, version: \"1\" }\npaths: {}\ncomponents:\n  schemas:\n    Holder:\n      type: object\n      properties:\n        first: { $ref: ./Pet.yaml#/Pet }\n        second: { $ref: ./pet.yaml#/Pet }\n";
        var document = new OpenApiDocumentItem("/specs/api.yaml", text, "Contoso.Refs", "RefsClient");
        var pet = new OpenApiDocumentItem("/specs/pet.yaml", PetSchema, OptIn: false);

        var output = GeneratorHarness.Run(document, pet);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Refs.Pet"));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Refs.Pet2"));
        var holder = output.Compilation.GetTypeByMetadataName("Contoso.Refs.Holder");
        Assert.NotNull(holder);
        var types = new[] { "First", "Second" }
            .Select(name => Assert.Single(holder.GetMembers(name).OfType<Microsoft.CodeAnalysis.IPropertySymbol>()).Type.WithNullableAnnotation(Microsoft.CodeAnalysis.NullableAnnotation.NotAnnotated).ToDisplayString());
        Assert.All(types, type => Assert.Equal("Contoso.Refs.Pet", type));
    }
}
