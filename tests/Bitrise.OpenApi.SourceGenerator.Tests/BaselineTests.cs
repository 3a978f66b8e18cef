using System;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning.Testing;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Compares the output for <c>Documents/shapes.yaml</c>, <c>Documents/schemas.yaml</c> and
/// <c>Documents/inheritance.yaml</c> with the files under <c>Baselines/</c> named after each document, so that a change of the emitted code is seen in review. To accept a deliberate change, run the tests once with
/// <c>UPDATE_GENERATOR_BASELINES=1</c>, which rewrites the baseline files, and commit them.
/// </summary>
public sealed class BaselineTests
{
    private static bool IsUpdating => Environment.GetEnvironmentVariable("UPDATE_GENERATOR_BASELINES") == "1";

    [Theory]
    [InlineData("shapes")]
    [InlineData("schemas")]
    [InlineData("inheritance")]
    public void Output_MatchesBaselineFiles(string document)
    {
        var baselineFolder = Path.Combine(RepositoryPaths.Root, "tests", "Bitrise.OpenApi.SourceGenerator.Tests", "Baselines", document);
        var output = GeneratorHarness.Run(TestDocuments.Local(document + ".yaml"));
        var generated = output.Result.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText.ToString());

        if (IsUpdating)
        {
            Directory.CreateDirectory(baselineFolder);
            foreach (var stale in Directory.GetFiles(baselineFolder, "*.g.cs"))
            {
                File.Delete(stale);
            }

            foreach (var (hintName, text) in generated)
            {
                File.WriteAllText(Path.Combine(baselineFolder, hintName), text);
            }
        }

        var baselineNames = Directory.GetFiles(baselineFolder, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(baselineNames, generated.Keys.Order(StringComparer.Ordinal));
        foreach (var (hintName, text) in generated)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(baselineFolder, hintName)), text);
        }
    }
}
