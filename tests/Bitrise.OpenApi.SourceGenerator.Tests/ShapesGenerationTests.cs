using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>Generates from <c>Documents/shapes.yaml</c>, which gathers the schema constructs and naming cases the generator handles.</summary>
public sealed class ShapesGenerationTests
{
    private static readonly GeneratorOutput Output = GeneratorHarness.Run(TestDocuments.Local("shapes.yaml"));

    [Fact]
    public void Shapes_CompileWithoutCompilerDiagnostics()
    {
        Assert.Null(Output.Result.Exception);
        Assert.Empty(Output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Shapes_ReportNoDiagnostics()
    {
        Assert.Empty(Output.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("Item", "Slug", "string")]
    [InlineData("Item", "Class", "string?")]
    [InlineData("Item", "Size", "double?")]
    [InlineData("Item", "CreatedAt", "System.DateTimeOffset?")]
    [InlineData("Item", "Metadata", "System.Text.Json.JsonElement?")]
    [InlineData("Item", "Owner", "Contoso.Api.ItemOwner2?")]
    [InlineData("Item", "NullableNote", "string?")]
    [InlineData("Item", "Item2", "string?")]
    [InlineData("Item", "ItemOwner", "string?")]
    [InlineData("ItemList", "Paging", "Contoso.Api.Paging?")]
    [InlineData("ItemList", "Data", "System.Collections.Generic.IReadOnlyList<Contoso.Api.Item>?")]
    [InlineData("Paging", "TotalItemCount", "long?")]
    [InlineData("ItemOwner", "Id", "int?")]
    [InlineData("ItemOwner2", "EMail", "string?")]
    [InlineData("ItemCreateParams", "Name", "string")]
    [InlineData("ItemCreateParams", "Note", "Contoso.Api.Optional<string?>")]
    [InlineData("ItemCreateParams", "IsProtected", "Contoso.Api.Optional<bool>")]
    [InlineData("ItemUpdateParams", "Note", "Contoso.Api.Optional<string?>")]
    [InlineData("Options2", "Matrix", "System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<int?>>?")]
    public void Property_HasExpectedType(string typeName, string propertyName, string expectedType)
    {
        var type = Output.Compilation.GetTypeByMetadataName("Contoso.Api." + typeName);

        Assert.NotNull(type);
        var property = type.GetMembers(propertyName).OfType<IPropertySymbol>().Single();
        Assert.Equal(expectedType, property.Type.ToDisplayString());
    }

    [Theory]
    [InlineData("Item", "Slug", true)]
    [InlineData("Item", "Class", false)]
    [InlineData("ItemCreateParams", "Secret", true)]
    [InlineData("ItemCreateParams", "Token", false)]
    public void Property_RequiredMatchesSchema(string typeName, string propertyName, bool expected)
    {
        var property = Output.Compilation.GetTypeByMetadataName("Contoso.Api." + typeName)!.GetMembers(propertyName).OfType<IPropertySymbol>().Single();

        Assert.Equal(expected, property.IsRequired);
    }

    [Fact]
    public void KeywordParameter_IsEscaped()
    {
        var method = Output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("ItemListAsync").OfType<IMethodSymbol>().Single();

        Assert.Equal(["appSlug", "next", "limit", "since", "tag", "class", "xTrace", "cancellationToken"], method.Parameters.Select(parameter => parameter.Name));
        Assert.Contains("string? @class = null", Output.Source("Contoso.Api.IContosoClient.g.cs"));
    }

    [Theory]
    [InlineData("/// <summary>List the items (GET /apps/{app-slug}/items).</summary>")]
    [InlineData("/// <summary>Create an item (POST /apps/{app-slug}/items).</summary>")]
    [InlineData("/// <summary>PATCH /apps/{app-slug}/items/{item-slug}</summary>")]
    [InlineData("/// <summary>DELETE /apps/{app-slug}/items/{item-slug}</summary>")]
    public void OperationSummary_NamesRequestOnce(string expectedLine)
    {
        Assert.Contains(expectedLine, Output.Source("Contoso.Api.IContosoClient.g.cs"));
    }

    [Fact]
    public void BinaryBodyOperation_TakesStream()
    {
        var method = Output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("ItemUploadAsync").OfType<IMethodSymbol>().Single();

        var request = method.Parameters.Single(parameter => parameter.Name == "request");
        Assert.Equal("System.IO.Stream", request.Type.ToDisplayString());
    }

    [Fact]
    public void OperationWithoutResponseBody_ReturnsTask()
    {
        var method = Output.Compilation.GetTypeByMetadataName("Contoso.Api.IContosoClient")!.GetMembers("ItemDeleteAsync").OfType<IMethodSymbol>().Single();

        Assert.Equal("System.Threading.Tasks.Task", method.ReturnType.ToDisplayString());
    }

    [Fact]
    public void Descriptions_AreXmlEscaped()
    {
        var source = Output.Source("Contoso.Api.ItemList.g.cs");

        Assert.Contains("/// <summary>The &lt;b&gt;paging&lt;/b&gt; data &amp; more.</summary>", source);
    }

    [Fact]
    public void SensitiveProperties_AreRedactedInToString()
    {
        var source = Output.Source("Contoso.Api.ItemCreateParams.g.cs");

        Assert.Contains("builder.Append(\", Secret = \").Append(\"[redacted]\");", source);
        Assert.Contains("builder.Append(\", Token = \").Append(\"[redacted]\");", source);
    }

    [Fact]
    public void LineBreakCharacters_StayInsideComment()
    {
        var document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Breaks", "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Note": {
                    "type": "object",
                    "description": "First\rsecond\u2028third\u2029fourth\u0085fifth",
                    "properties": { "text": { "type": "string", "description": "A\r\nB" } }
                  }
                }
              }
            }
            """;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/breaks.json", document));

        Assert.Empty(output.AllDiagnostics);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.Note"));
    }
}
