using System;
using System.Collections.Generic;
using System.IO;

namespace Bitrise.CodeSigning.Benchmarks;

/// <summary>
/// The OpenAPI documents that the generation benchmarks read, at paths relative to the repository root. A benchmark
/// parameter is the file name alone, so that the summary table can show it whole.
/// </summary>
internal static class BenchmarkDocuments
{
    private const string SolutionFileName = "Bitrise.CodeSigning.Generated.sln";

    private static readonly string[] RelativePaths =
    [
        "spec/bitrise-codesigning.yaml",
        "../shared/fixtures/openapi/bitrise/bitrise-api-swagger-2025-03.json",
        "../shared/fixtures/openapi/large/stripe-spec3-2022-04-12.json",
    ];

    /// <summary>The directory that contains the solution file, found by walking up from the working directory and from the assembly.</summary>
    /// <exception cref="InvalidOperationException">Neither directory is inside the repository.</exception>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// Lists the file names of the documents that exist. A missing document, such as one outside the repository in a
    /// clone without it, is left out with a message on the console.
    /// </summary>
    public static IEnumerable<string> Available()
    {
        foreach (var relativePath in RelativePaths)
        {
            if (File.Exists(FullPath(relativePath)))
            {
                yield return Path.GetFileName(relativePath);
            }
            else
            {
                Console.WriteLine($"Skipping the OpenAPI document '{relativePath}': it was not found at '{FullPath(relativePath)}'.");
            }
        }
    }

    /// <summary>Returns the full path of the document with the given file name.</summary>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is not one of the documents.</exception>
    public static string FullPathOf(string fileName)
    {
        foreach (var relativePath in RelativePaths)
        {
            if (Path.GetFileName(relativePath) == fileName)
            {
                return FullPath(relativePath);
            }
        }

        throw new ArgumentException($"'{fileName}' is not one of the benchmark documents.", nameof(fileName));
    }

    private static string FullPath(string relativePath) => Path.GetFullPath(Path.Combine(RepositoryRoot, relativePath));

    private static string FindRepositoryRoot()
    {
        // BenchmarkDotNet runs each benchmark in a child process built under bin/, so the assembly's directory is
        // tried as well as the working directory.
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"The repository root was not found: no directory above '{Environment.CurrentDirectory}' or '{AppContext.BaseDirectory}' contains {SolutionFileName}. "
            + "Run the benchmarks from inside the repository.");
    }
}
