using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

public sealed class TwoDocumentsTests
{
    [Fact]
    public void TwoNamespaces_GenerateWithoutClashes()
    {
        var output = GeneratorHarness.Run(
            TestDocuments.Local("shapes.yaml", "Contoso.First", "FirstClient"),
            TestDocuments.BitriseSpec() with { Namespace = "Contoso.Second", ClientName = "FirstClient" });

        Assert.Null(output.Result.Exception);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.First.Optional`1"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Second.Optional`1"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.First.FirstClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Second.FirstClient"));
    }

    [Fact]
    public void SameNamespace_ReportsConflictForSecondDocument()
    {
        var first = TestDocuments.Local("shapes.yaml", "Contoso.Same", "FirstClient") with { Path = "/specs/a.yaml" };
        var second = TestDocuments.Local("shapes.yaml", "Contoso.Same", "SecondClient") with { Path = "/specs/b.yaml" };

        var output = GeneratorHarness.Run(first, second);

        Assert.Null(output.Result.Exception);
        var conflict = Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG009");
        Assert.Equal("/specs/b.yaml", conflict.Location.GetLineSpan().Path);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.FirstClient"));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Same.SecondClient"));
    }

    [Fact]
    public void MissingNamespace_FallsBackToRootNamespace()
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("shapes.yaml") with { Namespace = null, ClientName = null });

        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Root.ApiClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Root.IApiClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Root.ApiException"));
    }
}
