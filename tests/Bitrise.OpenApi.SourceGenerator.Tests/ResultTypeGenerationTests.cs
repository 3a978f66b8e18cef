using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// The result type of an operation whose 2xx responses have different bodies: its name and the names and types
/// of its properties when they meet names that are already taken.
/// </summary>
public sealed class ResultTypeGenerationTests
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: Results, version: "1" }
        paths:
          /a:
            get:
              operationId: op
              responses:
                "200": { description: x, content: { application/json: { schema: { $ref: "#/components/schemas/StatusCode" } } } }
                "201": { description: y, content: { application/json: { schema: { type: array, items: { type: string } } } } }
                "204": { description: z }
        components:
          schemas:
            OpResult: { type: object, properties: { id: { type: string } } }
            StatusCode: { type: object, properties: { code: { type: integer } } }
        """;

    private static readonly GeneratorOutput Output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/results.yaml", Document, "Contoso.Results", "ResultsClient"));

    [Fact]
    public void Generation_HasNoDiagnostics()
    {
        Assert.Empty(Output.GeneratorDiagnostics);
        Assert.Empty(Output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void NameTakenBySchema_GetsNumber()
    {
        var method = Assert.Single(Output.Compilation.GetTypeByMetadataName("Contoso.Results.ResultsClient")!.GetMembers("OpAsync").OfType<IMethodSymbol>());

        Assert.Equal("System.Threading.Tasks.Task<Contoso.Results.OpResult2>", method.ReturnType.ToDisplayString());
    }

    [Theory]
    [InlineData("StatusCode", "int")]
    [InlineData("StatusCode2", "Contoso.Results.StatusCode?")]
    [InlineData("Body201", "System.Collections.Generic.IReadOnlyList<string>?")]
    public void Property_HasNameAndType(string name, string expectedType)
    {
        var type = Output.Compilation.GetTypeByMetadataName("Contoso.Results.OpResult2");
        Assert.NotNull(type);

        var property = Assert.Single(type.GetMembers(name).OfType<IPropertySymbol>());
        Assert.Equal(expectedType, property.Type.ToDisplayString());
    }
}
