using System;
using System.IO;

namespace Bitrise.CodeSigning.Testing;

/// <summary>
/// Locates the repository and the <c>shared</c> folder beside it, which contains the fixtures (real signing
/// files and OpenAPI documents) and the official API description.
/// </summary>
internal static class RepositoryPaths
{
    private const string SolutionFileName = "Bitrise.CodeSigning.Generated.sln";

    /// <summary>The repository root: the folder that contains the solution file.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The project's own OpenAPI document.</summary>
    public static string Spec => Path.Combine(Root, "spec", "bitrise-codesigning.yaml");

    /// <summary>The <c>shared</c> folder beside the repository. CI always has it, but a user's clone may not.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>
    /// Returns the path of a folder or file under <c>shared</c>, or marks the calling test as skipped, with the
    /// reason, when it is absent.
    /// </summary>
    public static string RequireShared(string relativePath)
    {
        var path = Path.Combine(Shared, relativePath);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Skip($"'{path}' is absent: the shared fixtures are only beside CI's clone. Place the 'shared' folder next to the repository to run this test.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No '{SolutionFileName}' above '{AppContext.BaseDirectory}': run the tests from a clone of the repository.");
    }
}
