using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Chooses the environment variable name (<c>user_env_key</c>) that each generic project file is exposed as in a
/// build.
/// </summary>
internal static partial class UserEnvKeys
{
    /// <summary>
    /// Returns <paramref name="files"/> with <see cref="DemoFile.UserEnvKey"/> set on each generic project file:
    /// <paramref name="requestedKey"/> when given, else a name derived from the file name, made unique.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// <paramref name="requestedKey"/> is not a valid variable name, or it is given for more than one generic file.
    /// </exception>
    public static IReadOnlyList<DemoFile> Assign(IReadOnlyList<DemoFile> files, string? requestedKey)
    {
        var genericCount = 0;
        foreach (var file in files)
        {
            genericCount += file.Kind == CodeSigningFileKind.GenericProjectFile ? 1 : 0;
        }

        if (requestedKey is not null)
        {
            if (!ValidKey().IsMatch(requestedKey))
            {
                throw new InvalidInputException(
                    $"'{requestedKey}' given as --env-key is not a valid environment variable name. Use letters, digits and underscores, starting with a letter or underscore.");
            }

            if (genericCount > 1)
            {
                throw new InvalidInputException(
                    $"--env-key '{requestedKey}' can name only one generic project file, but {genericCount} are given. Leave --env-key out to derive a name from each file name.");
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DemoFile>(files.Count);
        foreach (var file in files)
        {
            if (file.Kind != CodeSigningFileKind.GenericProjectFile)
            {
                result.Add(file);
                continue;
            }

            var key = requestedKey ?? MakeUnique(FromFileName(file.FileName), used);
            used.Add(key);
            result.Add(file with { UserEnvKey = key });
        }

        return result;
    }

    /// <summary>
    /// Returns an environment variable name for <paramref name="fileName"/>: upper case, with every character other
    /// than a letter or digit replaced by an underscore (<c>google-services.json</c> gives <c>GOOGLE_SERVICES_JSON</c>).
    /// </summary>
    public static string FromFileName(string fileName)
    {
        var builder = new StringBuilder(fileName.Length + 1);
        foreach (var character in fileName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static string MakeUnique(string key, HashSet<string> used)
    {
        var candidate = key;
        for (var suffix = 2; used.Contains(candidate); suffix++)
        {
            candidate = $"{key}_{suffix}";
        }

        return candidate;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidKey();
}
