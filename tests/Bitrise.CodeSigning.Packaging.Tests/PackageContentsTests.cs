using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Bitrise.CodeSigning.Packaging.Tests.Infrastructure;
using Bitrise.CodeSigning.Testing;

namespace Bitrise.CodeSigning.Packaging.Tests;

/// <summary>Checks the files and the nuspec of each packed package.</summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageContentsTests(PackedPackages packages)
{
    private static readonly string[] GeneratorAnalyzerFiles =
    [
        "analyzers/dotnet/cs/Bitrise.OpenApi.SourceGenerator.dll",
        "analyzers/dotnet/cs/Namotion.Reflection.dll",
        "analyzers/dotnet/cs/Newtonsoft.Json.dll",
        "analyzers/dotnet/cs/NJsonSchema.Annotations.dll",
        "analyzers/dotnet/cs/NJsonSchema.dll",
        "analyzers/dotnet/cs/NJsonSchema.Yaml.dll",
        "analyzers/dotnet/cs/NSwag.Core.dll",
        "analyzers/dotnet/cs/NSwag.Core.Yaml.dll",
        "analyzers/dotnet/cs/YamlDotNet.dll",
    ];

    [Fact]
    public void Feed_HasExactlyThreePackages()
    {
        var names = Directory.GetFiles(packages.FeedDirectory, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { PackedPackages.LibraryId, PackedPackages.EmulatorId, PackedPackages.GeneratorId }
                .Select(id => $"{id}.{packages.Version}.nupkg")
                .Order(StringComparer.Ordinal),
            names);
    }

    [Fact]
    public void Generator_HasAnalyzerWithDependenciesOnly()
    {
        var entries = Entries(PackedPackages.GeneratorId);

        Assert.Equal(GeneratorAnalyzerFiles.Order(StringComparer.Ordinal), entries.Where(entry => entry.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.Contains("build/Bitrise.OpenApi.SourceGenerator.props", entries);
        Assert.Contains("buildTransitive/Bitrise.OpenApi.SourceGenerator.props", entries);
        Assert.Contains("build/Bitrise.OpenApi.SourceGenerator.targets", entries);
        Assert.Contains("buildTransitive/Bitrise.OpenApi.SourceGenerator.targets", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_IsDevelopmentDependencyWithoutDependencies()
    {
        var metadata = NuspecMetadata(PackedPackages.GeneratorId);

        Assert.Equal("true", Element(metadata, "developmentDependency")?.Value);
        Assert.Null(Element(metadata, "dependencies"));
    }

    [Fact]
    public void Generator_ResolvesEveryShippedAssembly()
    {
        var context = new AnalyzerFolderLoadContext(packages.GeneratorAnalyzerDirectory);
        var generator = context.LoadFromAssemblyPath(Path.Combine(packages.GeneratorAnalyzerDirectory, PackedPackages.GeneratorId + ".dll"));
        var resolver = generator.GetType("Bitrise.OpenApi.SourceGenerator.Helpers.DependencyResolver", throwOnError: true)!;
        var shippedNames = (string[])resolver.GetField("ShippedAssemblyNames", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        var packedDependencies = GeneratorAnalyzerFiles
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != PackedPackages.GeneratorId);
        Assert.Equal(packedDependencies.Order(StringComparer.OrdinalIgnoreCase), shippedNames.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Library_HasBothFrameworksWithDocsAndReadme()
    {
        var entries = Entries(PackedPackages.LibraryId);

        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net8.0/Bitrise.CodeSigning.dll", entries);
        Assert.Contains("lib/net8.0/Bitrise.CodeSigning.xml", entries);
        Assert.Contains("lib/net10.0/Bitrise.CodeSigning.dll", entries);
        Assert.Contains("lib/net10.0/Bitrise.CodeSigning.xml", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("analyzers/", StringComparison.Ordinal));
    }

    [Fact]
    public void Library_DoesNotDependOnGenerator()
    {
        var metadata = NuspecMetadata(PackedPackages.LibraryId);
        var dependencies = metadata.Descendants().Where(element => element.Name.LocalName == "dependency").Select(element => (string?)element.Attribute("id"));

        Assert.Equal("README.md", Element(metadata, "readme")?.Value);
        Assert.Contains("Microsoft.Extensions.Http", dependencies);
        Assert.DoesNotContain(PackedPackages.GeneratorId, dependencies);
    }

    [Fact]
    public void Library_NuspecNamesRepositoryCommit()
    {
        SkipWithoutGit();
        var repository = Element(NuspecMetadata(PackedPackages.LibraryId), "repository");

        Assert.Equal("https://github.com/bitrise-codesigning/Bitrise.CodeSigning.Generated", (string?)repository?.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository?.Attribute("commit"));
    }

    [Fact]
    public void Library_SymbolsCarrySourceLink()
    {
        SkipWithoutGit();
        using var symbols = ZipFile.OpenRead(packages.PackagePath(PackedPackages.LibraryId, ".snupkg"));
        var pdb = symbols.GetEntry("lib/net10.0/Bitrise.CodeSigning.pdb");
        Assert.NotNull(pdb);

        using var stream = pdb.Open();
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        var content = reader.ReadToEnd();

        // The portable PDB stores the SourceLink JSON as plain UTF-8 text.
        Assert.Contains("https://raw.githubusercontent.com/bitrise-codesigning/Bitrise.CodeSigning.Generated/", content);
    }

    [Fact]
    public void Emulator_HasReadmeAndAspNetCoreFrameworkReference()
    {
        var entries = Entries(PackedPackages.EmulatorId);
        var metadata = NuspecMetadata(PackedPackages.EmulatorId);
        var frameworkReferences = metadata.Descendants().Where(element => element.Name.LocalName == "frameworkReference").Select(element => (string?)element.Attribute("name"));

        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/Bitrise.CodeSigning.Emulator.dll", entries);
        Assert.Contains("lib/net10.0/Bitrise.CodeSigning.Emulator.xml", entries);
        Assert.Equal("README.md", Element(metadata, "readme")?.Value);
        Assert.Equal(["Microsoft.AspNetCore.App"], frameworkReferences);
    }

    /// <summary>SourceLink and the nuspec's commit come from git, so a copy of the sources without it cannot have them.</summary>
    private static void SkipWithoutGit()
    {
        var git = Path.Combine(RepositoryPaths.Root, ".git");
        if (!Directory.Exists(git) && !File.Exists(git))
        {
            Assert.Skip($"'{RepositoryPaths.Root}' is not a git clone, so the build has no commit to link sources to.");
        }
    }

    private string[] Entries(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        return package.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal).ToArray();
    }

    private XElement NuspecMetadata(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        var nuspec = package.GetEntry(id + ".nuspec") ?? throw new InvalidOperationException($"The package '{id}' has no '{id}.nuspec'.");
        using var stream = nuspec.Open();
        return Element(XDocument.Load(stream).Root!, "metadata") ?? throw new InvalidOperationException($"The nuspec of '{id}' has no <metadata>.");
    }

    private static XElement? Element(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName);
}
