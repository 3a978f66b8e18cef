using System;
using System.IO;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Packaging.Tests.Infrastructure;

/// <summary>
/// A throwaway console project in its own folder under the fixture's temporary folder, restored from the
/// local feed and from the package sources that this machine's NuGet configuration already has.
/// </summary>
internal sealed class ConsumerProject
{
    /// <summary>The time limit of one build or run of a consumer; the first restore may download packages.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// Creates the folder with a <c>NuGet.config</c> that adds the feed, and empty <c>Directory.Build.*</c> files so
    /// that no MSBuild file in a parent folder applies.
    /// </summary>
    public static ConsumerProject Create(PackedPackages packages, string name)
    {
        var directory = Path.Combine(packages.Root, "consumers", name);
        System.IO.Directory.CreateDirectory(directory);

        // No <clear/>: the sources of the user's and the machine's NuGet configuration still apply, and the
        // feed is one more.
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="bitrise-packaging-tests" value="{packages.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        return new ConsumerProject(directory);
    }

    /// <summary>Writes a file of the project, creating its folder.</summary>
    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Builds the project without build servers, so that each build runs a fresh compiler that loads the analyzer anew.</summary>
    public Task<ProcessResult> BuildAsync(bool restore = true)
    {
        string[] arguments = restore
            ? ["build", "--disable-build-servers", "-tl:off"]
            : ["build", "--no-restore", "--disable-build-servers", "-tl:off"];
        return DotNetCli.RunAsync(Directory, CommandTimeout, arguments);
    }

    /// <summary>Runs the program that the last build produced.</summary>
    public Task<ProcessResult> RunAsync() => DotNetCli.RunAsync(Directory, CommandTimeout, "run", "--no-build");
}
