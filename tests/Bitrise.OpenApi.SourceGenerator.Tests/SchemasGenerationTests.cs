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
}
