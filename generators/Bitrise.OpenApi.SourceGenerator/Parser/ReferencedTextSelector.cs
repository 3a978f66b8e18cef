using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Finds the other <c>AdditionalFiles</c> items that a document's external <c>$ref</c> values reach, directly or
/// through each other, by a text scan that needs no parse. The scan may find a <c>$ref</c> inside a string or a
/// comment too; such a file is only carried along, which costs a re-parse when it changes and nothing else.
/// </summary>
internal static class ReferencedTextSelector
{
    // A $ref key, quoted or not (JSON or YAML), then its value: double-quoted, single-quoted, or plain up to white
    // space or the end of a YAML flow collection.
    private static readonly Regex ReferenceValue = new(
        "[\"']?\\$ref[\"']?[ \\t]*:[ \\t]*(?:\"(?<value>[^\"]*)\"|'(?<value>[^']*)'|(?<value>[^\\s,}\\]\"']+))",
        RegexOptions.CultureInvariant);

    /// <summary>Returns the input with <see cref="OpenApiDocumentInput.References"/> set from the project's additional files.</summary>
    public static OpenApiDocumentInput AddReferences(OpenApiDocumentInput input, ImmutableArray<ReferencedText> additionalFiles, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, ReferencedText>(StringComparer.Ordinal);
        var byPathIgnoringCase = new Dictionary<string, ReferencedText?>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in additionalFiles)
        {
            var key = NormalizePath(file.FilePath);
            byPath[key] = file;

            // A path that two files share when case is ignored matches neither of them that way.
            byPathIgnoringCase[key] = byPathIgnoringCase.ContainsKey(key) ? null : file;
        }

        var documentKey = NormalizePath(input.FilePath);
        var found = new Dictionary<string, ReferencedText>(StringComparer.Ordinal);
        var pending = new Queue<(string FilePath, string Text)>();
        pending.Enqueue((input.FilePath, input.Text));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (filePath, text) = pending.Dequeue();
            foreach (var target in ExternalTargets(filePath, text))
            {
                var file = byPath.TryGetValue(target, out var exact) ? exact : byPathIgnoringCase.TryGetValue(target, out var similar) ? similar : null;
                if (file is null)
                {
                    continue;
                }

                var key = NormalizePath(file.FilePath);
                if (key != documentKey && !found.ContainsKey(key))
                {
                    found[key] = file;
                    pending.Enqueue((file.FilePath, file.Text));
                }
            }
        }

        return input with { References = found.Values.ToSortedEquatableArray(file => file.FilePath) };
    }

    /// <summary>Returns the normalized paths of the files that the text's <c>$ref</c> values point at, relative to its own file.</summary>
    internal static IEnumerable<string> ExternalTargets(string filePath, string text)
    {
        if (text.IndexOf("$ref", StringComparison.Ordinal) < 0)
        {
            yield break;
        }

        var directory = Directory(NormalizePath(filePath));
        foreach (Match match in ReferenceValue.Matches(text))
        {
            var value = match.Groups["value"].Value.Trim();
            var hash = value.IndexOf('#');
            var target = hash < 0 ? value : value.Substring(0, hash);
            if (target.Length == 0 || HasScheme(target))
            {
                continue;
            }

            target = Unescape(target).Replace('\\', '/');
            yield return NormalizePath(target.StartsWith("/", StringComparison.Ordinal) || IsDriveRooted(target) ? target : directory + "/" + target);
        }
    }

    /// <summary>
    /// Returns the path with forward slashes and without <c>.</c>, <c>..</c> and empty segments, computed from the
    /// text alone, because the generator never reads the file system.
    /// </summary>
    internal static string NormalizePath(string path)
    {
        var segments = new List<string>();
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != ".." && !IsDriveRooted(segments[segments.Count - 1]))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", segments);
    }

    private static string Directory(string normalizedPath)
    {
        var slash = normalizedPath.LastIndexOf('/');
        return slash < 0 ? "." : normalizedPath.Substring(0, slash);
    }

    /// <summary>True for <c>http:</c>, <c>https:</c>, <c>file:</c> and other URI schemes, but not for a Windows drive such as <c>C:</c>.</summary>
    private static bool HasScheme(string target)
    {
        var colon = target.IndexOf(':');
        return colon > 1 && target.Substring(0, colon).All(character => char.IsLetterOrDigit(character) || character is '+' or '-' or '.');
    }

    private static bool IsDriveRooted(string path) =>
        path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]);

    private static string Unescape(string target)
    {
        try
        {
            return Uri.UnescapeDataString(target);
        }
        catch (UriFormatException)
        {
            return target;
        }
    }
}
