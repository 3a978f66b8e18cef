using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Incremental;

/// <summary>
/// Runs the generator twice with one change in between and checks, per document, the run reasons of the tracked
/// steps: what the change re-parses and which documents' sources are emitted again.
/// </summary>
public sealed class PipelineStepTests
{
    private const string UnrelatedSource = "namespace Consumer { internal static class Code { internal const int Value = 1; } }";

    private const string FirstPath = "/specs/first.yaml";
    private const string SecondPath = "/specs/second.yaml";
    private const string PetPath = "/specs/schemas/pet.yaml";
    private const string NotesPath = "/specs/notes.yaml";

    private const string FirstDocument = """
        openapi: 3.0.3
        info: { title: First, version: "1" }
        paths:
          /pets:
            get:
              operationId: pet-list
              summary: List the pets.
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Holder" }
        components:
          schemas:
            Holder:
              type: object
              properties:
                pet: { $ref: "schemas/pet.yaml#/Pet" }
        """;

    private const string PetSchema = "Pet:\n  type: object\n  properties:\n    name: { type: string }\n";

    private static readonly string[] DocumentSteps =
    [
        OpenApiGenerator.InputStepName,
        OpenApiGenerator.ReferencesStepName,
        OpenApiGenerator.ParseStepName,
        OpenApiGenerator.EmitStepName,
    ];

    private static OpenApiDocumentItem[] Items(string? firstAccessibility = null) =>
    [
        new(FirstPath, FirstDocument, "Contoso.First", "FirstClient", Metadata: firstAccessibility is null ? null : new Dictionary<string, string> { ["TypeAccessibility"] = firstAccessibility }),
        TestDocuments.Local("orders.yaml", "Contoso.Second", "SecondClient") with { Path = SecondPath },
        new(PetPath, PetSchema, OptIn: false),
        new(NotesPath, "Notes: { $ref: ../elsewhere.yaml }\n", OptIn: false),
    ];

    [Fact]
    public void UnrelatedCSharpEdit_LeavesEveryStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(UnrelatedSource);
        var driver = GeneratorHarness.CreateDriver(Items()).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(UnrelatedSource.Replace("= 1", "= 2"), GeneratorHarness.ParseOptions, oldTree.FilePath, cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);

        foreach (var stepName in DocumentSteps.Append(OpenApiGenerator.AdditionalFilesStepName))
        {
            var reasons = GeneratorHarness.StepOutputs(driver, stepName).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        Assert.All(SourceOutputReasons(driver), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void FirstDocumentEdit_ReemitsOnlyFirstDocument()
    {
        var driver = RunThenReplace(FirstPath, FirstDocument.Replace("List the pets.", "List every pet.", StringComparison.Ordinal));

        foreach (var stepName in DocumentSteps)
        {
            var reasons = ReasonsByDocument(driver, stepName);
            Assert.Equal(IncrementalStepRunReason.Modified, reasons[FirstPath]);
            Assert.True(IsCachedOrUnchanged(reasons[SecondPath]), stepName + " of the second document was " + reasons[SecondPath]);
        }

        Assert.Equal(IncrementalStepRunReason.Cached, ReasonsByDocument(driver, OpenApiGenerator.ParseStepName)[SecondPath]);
        var sourceOutputs = SourceOutputReasonsByDocument(driver);
        Assert.Contains(IncrementalStepRunReason.Modified, sourceOutputs[FirstPath]);
        Assert.All(sourceOutputs[SecondPath], reason => Assert.True(IsCachedOrUnchanged(reason), "A source output of the second document was " + reason));
        var client = Source(driver, "Contoso.First.IFirstClient.g.cs");
        Assert.Contains("List every pet", client, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferencedFileEdit_ReemitsReferencingDocument()
    {
        var driver = RunThenReplace(PetPath, PetSchema + "    age: { type: integer }\n");

        var references = ReasonsByDocument(driver, OpenApiGenerator.ReferencesStepName);
        Assert.Equal(IncrementalStepRunReason.Modified, references[FirstPath]);
        Assert.True(IsCachedOrUnchanged(references[SecondPath]), "The references of the second document were " + references[SecondPath]);

        var parse = ReasonsByDocument(driver, OpenApiGenerator.ParseStepName);
        Assert.Equal(IncrementalStepRunReason.Modified, parse[FirstPath]);
        Assert.Equal(IncrementalStepRunReason.Cached, parse[SecondPath]);

        var sourceOutputs = SourceOutputReasonsByDocument(driver);
        Assert.Contains(IncrementalStepRunReason.Modified, sourceOutputs[FirstPath]);
        Assert.All(sourceOutputs[SecondPath], reason => Assert.True(IsCachedOrUnchanged(reason), "A source output of the second document was " + reason));
        Assert.Contains("Age", Source(driver, "Contoso.First.Pet.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnreferencedFileEdit_ModifiesNothing()
    {
        var driver = RunThenReplace(NotesPath, "Notes: { $ref: ../somewhere-else.yaml }\n");

        foreach (var stepName in DocumentSteps)
        {
            Assert.All(ReasonsByDocument(driver, stepName).Values, reason => Assert.True(IsCachedOrUnchanged(reason), stepName + " was " + reason));
        }

        Assert.All(ReasonsByDocument(driver, OpenApiGenerator.ParseStepName).Values, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, SourceOutputReasons(driver));
    }

    [Fact]
    public void OptionChange_ReemitsOnlyThatDocument()
    {
        var compilation = GeneratorHarness.CreateCompilation(UnrelatedSource);
        var driver = GeneratorHarness.CreateDriver(Items()).RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Contains("public partial class FirstClient", Source(driver, "Contoso.First.FirstClient.g.cs"));

        driver = driver
            .WithUpdatedAnalyzerConfigOptions(GeneratorHarness.CreateOptionsProvider(Items(firstAccessibility: "internal")))
            .RunGenerators(compilation, TestContext.Current.CancellationToken);

        var emit = ReasonsByDocument(driver, OpenApiGenerator.EmitStepName);
        Assert.Equal(IncrementalStepRunReason.Modified, emit[FirstPath]);
        Assert.True(IsCachedOrUnchanged(emit[SecondPath]), "The emit step of the second document was " + emit[SecondPath]);
        var sourceOutputs = SourceOutputReasonsByDocument(driver);
        Assert.Contains(IncrementalStepRunReason.Modified, sourceOutputs[FirstPath]);
        Assert.All(sourceOutputs[SecondPath], reason => Assert.True(IsCachedOrUnchanged(reason), "A source output of the second document was " + reason));
        Assert.Contains("internal partial class FirstClient", Source(driver, "Contoso.First.FirstClient.g.cs"));
        Assert.Contains("public partial class SecondClient", Source(driver, "Contoso.Second.SecondClient.g.cs"));
    }

    /// <summary>Runs the generator over <see cref="Items"/>, replaces the text of one additional file and runs it again.</summary>
    private static GeneratorDriver RunThenReplace(string path, string text)
    {
        var compilation = GeneratorHarness.CreateCompilation(UnrelatedSource);
        var driver = GeneratorHarness.CreateDriver(Items(), out var texts).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var oldText = texts.Single(file => file.Path == path);
        return driver.ReplaceAdditionalText(oldText, new InMemoryAdditionalText(path, text)).RunGenerators(compilation, TestContext.Current.CancellationToken);
    }

    /// <summary>Returns the run reason of a per-document step for each document path.</summary>
    private static Dictionary<string, IncrementalStepRunReason> ReasonsByDocument(GeneratorDriver driver, string stepName) =>
        GeneratorHarness.StepOutputs(driver, stepName).ToDictionary(output => DocumentPath(output.Value), output => output.Reason);

    private static string DocumentPath(object value) => value switch
    {
        OpenApiDocumentInput input => input.FilePath,
        OpenApiDocumentModel model => model.FilePath,
        ValueTuple<OpenApiDocumentModel, EquatableArray<DocumentTypes>, bool> input => input.Item1.FilePath,
        _ => throw new InvalidOperationException("A step output of type " + value.GetType() + " belongs to no document."),
    };

    /// <summary>Returns the run reasons of the steps that add sources and report diagnostics.</summary>
    private static IEnumerable<IncrementalStepRunReason> SourceOutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);

    /// <summary>
    /// Returns, for each document path, the run reasons of the output steps that add its sources, found through the
    /// emit step output that each of them reads.
    /// </summary>
    private static Dictionary<string, List<IncrementalStepRunReason>> SourceOutputReasonsByDocument(GeneratorDriver driver)
    {
        var reasons = new Dictionary<string, List<IncrementalStepRunReason>>();
        foreach (var step in driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(pair => pair.Value))
        {
            foreach (var (source, outputIndex) in step.Inputs)
            {
                if (source.Name == OpenApiGenerator.EmitStepName)
                {
                    var path = DocumentPath(source.Outputs[outputIndex].Value);
                    reasons.TryAdd(path, []);
                    reasons[path].AddRange(step.Outputs.Select(output => output.Reason));
                }
            }
        }

        return reasons;
    }

    private static bool IsCachedOrUnchanged(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static string Source(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();
}
