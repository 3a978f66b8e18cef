using System;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Testing;

namespace Bitrise.CodeSigning.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs the generator, the library and the emulator once for all tests of the collection, into a folder feed
/// under a fresh temporary folder, with a prerelease version that no earlier run used. Because the version is
/// unique, NuGet's global packages folder never gives a consumer a stale copy. The fixture deletes that
/// version's folders from the global packages folder when the tests end.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public const string GeneratorId = "Bitrise.OpenApi.SourceGenerator";
    public const string LibraryId = "Bitrise.CodeSigning";
    public const string EmulatorId = "Bitrise.CodeSigning.Emulator";

    private static readonly string[] PackageIds = [GeneratorId, LibraryId, EmulatorId];

    private static readonly string[] PackedProjects =
    [
        Path.Combine("generators", GeneratorId, GeneratorId + ".csproj"),
        Path.Combine("src", LibraryId, LibraryId + ".csproj"),
        Path.Combine("src", EmulatorId, EmulatorId + ".csproj"),
    ];

    /// <summary>The time limit of the pack, which builds the generator and the library for two frameworks on a shared 2-core machine.</summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The temporary folder that contains the feed, the build output and the consumer projects.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "bitrise-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The version of all three packages in this run, such as <c>0.1.0-test.g1a2b3c4d5e6f</c>.</summary>
    public string Version { get; } = "0.1.0-test.g" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The folder feed that contains the packages.</summary>
    public string FeedDirectory => Path.Combine(Root, "feed");

    /// <summary>The <c>analyzers/dotnet/cs</c> folder of the extracted generator package.</summary>
    public string GeneratorAnalyzerDirectory => Path.Combine(Root, "extracted", GeneratorId, "analyzers", "dotnet", "cs");

    /// <summary>Returns the path of a package file in the feed, such as the <c>.nupkg</c> or <c>.snupkg</c> of an id.</summary>
    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(FeedDirectory, $"{id}.{Version}{extension}");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var filter = WriteSolutionFilter();

        var pack = await DotNetCli.RunAsync(
            RepositoryPaths.Root,
            PackTimeout,
            "pack", filter,
            "--configuration", "Release",
            "--output", FeedDirectory,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            "--disable-build-servers",
            "-tl:off",
            $"-p:Version={Version}");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing the three projects failed. " + pack.Describe());
        }

        ZipFile.ExtractToDirectory(PackagePath(GeneratorId), Path.Combine(Root, "extracted", GeneratorId));
    }

    public ValueTask DisposeAsync()
    {
        TryDelete(Root);

        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackageIds)
        {
            TryDelete(Path.Combine(globalPackages, id.ToLowerInvariant(), Version.ToLowerInvariant()));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Writes a solution filter of the three packed projects, so that one <c>dotnet pack</c> builds them together
    /// and leaves the CLI and the tests out.
    /// </summary>
    private string WriteSolutionFilter()
    {
        var path = Path.Combine(Root, "packages.slnf");
        var filter = new
        {
            solution = new
            {
                path = Path.Combine(RepositoryPaths.Root, "Bitrise.CodeSigning.Generated.sln"),
                projects = PackedProjects,
            },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(filter));
        return path;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still in use (a compiler process that has not exited yet) leaves a temporary folder behind;
            // that must not fail the run.
        }
    }
}

/// <summary>The tests that share one pack. They run one after another, as each builds projects of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
