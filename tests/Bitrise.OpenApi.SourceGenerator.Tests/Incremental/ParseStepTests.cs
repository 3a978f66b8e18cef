using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Incremental;

public sealed class ParseStepTests
{
    private const string UnrelatedSource = "namespace Consumer { internal static class Code { internal const int Value = 1; } }";

    [Fact]
    public void UnrelatedCSharpEdit_LeavesParseStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(UnrelatedSource);
        var driver = GeneratorHarness.CreateDriver([TestDocuments.Local("shapes.yaml")]).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(UnrelatedSource.Replace("= 1", "= 2"), GeneratorHarness.ParseOptions, oldTree.FilePath, cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);

        var reasons = ParseStepReasons(driver);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void DocumentEdit_ModifiesParseStep()
    {
        var driver = RunThenEditDocument();

        Assert.Equal([IncrementalStepRunReason.Modified], ParseStepReasons(driver));
    }

    [Fact]
    public void DocumentEdit_RegeneratesChangedSource()
    {
        var driver = RunThenEditDocument();

        var client = driver.GetRunResult().Results.Single().GeneratedSources.Single(source => source.HintName == "Contoso.Api.IContosoClient.g.cs");
        Assert.Contains("List every item (GET /apps/{app-slug}/items).", client.SourceText.ToString());
    }

    /// <summary>Runs the generator, changes an operation summary in the document and runs it again.</summary>
    private static GeneratorDriver RunThenEditDocument()
    {
        var document = TestDocuments.Local("shapes.yaml");
        var compilation = GeneratorHarness.CreateCompilation(UnrelatedSource);
        var driver = GeneratorHarness.CreateDriver([document], out var texts).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = new InMemoryAdditionalText(document.Path, document.Text.Replace("List the items", "List every item"));
        return driver.ReplaceAdditionalText(texts[0], edited).RunGenerators(compilation, TestContext.Current.CancellationToken);
    }

    private static IncrementalStepRunReason[] ParseStepReasons(GeneratorDriver driver) =>
        [.. driver.GetRunResult().Results.Single().TrackedSteps[OpenApiGenerator.ParseStepName]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)];
}
