using System.Collections.Generic;
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
    public void SameNamespaceSameTypes_ReportsConflictForSecondDocument()
    {
        var first = TestDocuments.Local("shapes.yaml", "Contoso.Same", "FirstClient") with { Path = "/specs/a.yaml" };
        var second = TestDocuments.Local("shapes.yaml", "Contoso.Same", "SecondClient") with { Path = "/specs/b.yaml" };

        var output = GeneratorHarness.Run(first, second);

        Assert.Null(output.Result.Exception);
        var conflict = Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG009");
        Assert.Equal("/specs/b.yaml", conflict.Location.GetLineSpan().Path);
        Assert.Contains("'/specs/a.yaml'", conflict.GetMessage());
        Assert.Contains("the type 'Error' in namespace 'Contoso.Same'", conflict.GetMessage());
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.FirstClient"));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Same.SecondClient"));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("public", "public", Accessibility.Public)]
    [InlineData("internal", "public", Accessibility.Public)]
    [InlineData("public", "internal", Accessibility.Public)]
    [InlineData("internal", "internal", Accessibility.Internal)]
    public void SameNamespaceDistinctTypes_GeneratesBoth(string firstAccessibility, string secondAccessibility, Accessibility optional)
    {
        var first = TestDocuments.Local("shapes.yaml", "Contoso.Same", "FirstClient") with
        {
            Path = "/specs/a.yaml",
            Metadata = new Dictionary<string, string> { ["TypeAccessibility"] = firstAccessibility },
        };
        var second = TestDocuments.Local("orders.yaml", "Contoso.Same", "SecondClient") with
        {
            Path = "/specs/b.yaml",
            Metadata = new Dictionary<string, string> { ["TypeAccessibility"] = secondAccessibility },
        };

        var output = GeneratorHarness.Run(first, second);

        Assert.DoesNotContain(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG009");
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.FirstClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.SecondClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.Order"));
        Assert.Single(output.Result.GeneratedSources, source => source.HintName == "Contoso.Same.Optional.g.cs");
        Assert.Single(output.Result.GeneratedSources, source => source.HintName == "Contoso.Same.OpenApiJson.g.cs");
        Assert.Equal(optional, output.Compilation.GetTypeByMetadataName("Contoso.Same.Optional`1")!.DeclaredAccessibility);
    }

    [Fact]
    public void ThreeDocuments_LeaveOutOnlyTheClashingOne()
    {
        var first = TestDocuments.Local("shapes.yaml", "Contoso.Same", "FirstClient") with { Path = "/specs/a.yaml" };
        var second = TestDocuments.Local("shapes.yaml", "Contoso.Same", "SecondClient") with { Path = "/specs/b.yaml" };
        var third = TestDocuments.Local("orders.yaml", "Contoso.Same", "ThirdClient") with { Path = "/specs/c.yaml" };

        var output = GeneratorHarness.Run(first, second, third);

        var conflict = Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG009");
        Assert.Equal("/specs/b.yaml", conflict.Location.GetLineSpan().Path);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.FirstClient"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Same.ThirdClient"));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
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
