using System;
using System.Collections.Generic;
using System.Globalization;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Reads the text of one file into a <see cref="SourceNode"/> tree and reports, located in that file, what
/// makes it unreadable: syntax errors, duplicate keys, nesting too deep to read, and for YAML a second document.
/// </summary>
internal abstract class SourceReader
{
    /// <summary>
    /// The deepest nesting read, which keeps the readers and NSwag's recursive deserializer far from the end of
    /// the compiler's stack. The deepest of the test fixtures, real documents among them, nests 23 levels.
    /// </summary>
    private const int MaxDepth = 256;

    protected SourceReader(string filePath, string text, DiagnosticBag diagnostics)
    {
        FilePath = filePath;
        Text = text;
        Diagnostics = diagnostics;
        Locator = diagnostics.LocatorFor(filePath, text);
    }

    protected string FilePath { get; }

    protected string Text { get; }

    protected DiagnosticBag Diagnostics { get; }

    protected TextLocator Locator { get; }

    /// <summary>
    /// The pointer of the innermost node being read, which a syntax error names. YAML's parser reads one token
    /// ahead, so an error in a value can name the mapping that contains it.
    /// </summary>
    protected string CurrentPointer { get; private set; } = "#";

    /// <summary>The name of the syntax in messages: JSON or YAML.</summary>
    protected abstract string Format { get; }

    /// <summary>What to check at the place of a syntax error.</summary>
    protected abstract string Hint { get; }

    /// <summary>
    /// Reads the text of a file, choosing JSON when its first character after white space and comments is
    /// <c>{</c>, and YAML otherwise. Returns null when the text has no document or cannot be read; the reason is
    /// then reported.
    /// </summary>
    public static SourceNode? Read(string filePath, string text, DiagnosticBag diagnostics)
    {
        SourceReader reader = IsJson(text)
            ? new JsonSourceReader(filePath, text, diagnostics)
            : new YamlSourceReader(filePath, text, diagnostics);
        try
        {
            return reader.ReadRoot();
        }
        catch (NestingTooDeepException exception)
        {
            reader.Report(DiagnosticDescriptors.InvalidDocument, exception.Offset, exception.Offset, exception.Pointer, reader.Format, "the nesting is deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels", "Flatten the document with '$ref' to named schemas.");
            return null;
        }
    }

    protected abstract SourceNode? ReadRoot();

    protected void EnterNesting(string pointer, int depth, int offset)
    {
        CurrentPointer = pointer;
        if (depth > MaxDepth)
        {
            throw new NestingTooDeepException(pointer, offset);
        }
    }

    /// <summary>Returns to a parent node once a child is read, so a later syntax error names the parent.</summary>
    protected void Resume(string pointer) => CurrentPointer = pointer;

    /// <summary>Adds a member to a mapping; a key that is already there is reported, and its later value replaces the earlier one.</summary>
    protected void AddMember(SourceNode mapping, Dictionary<string, SourceMember> keys, string key, int keyStart, int keyEnd, SourceNode value)
    {
        var member = new SourceMember(key, FilePath, keyStart, keyEnd, value);
        if (keys.TryGetValue(key, out var earlier))
        {
            var earlierLine = (Locator.Span(earlier.KeyStart, earlier.KeyEnd, mapping.Pointer).StartLine + 1).ToString(CultureInfo.InvariantCulture);
            Report(DiagnosticDescriptors.DuplicateKey, keyStart, keyEnd, value.Pointer, key, earlierLine);
            mapping.Members[mapping.Members.IndexOf(earlier)] = member;
        }
        else
        {
            mapping.Members.Add(member);
        }

        keys[key] = member;
    }

    protected void ReportSyntaxError(int offset, string reason) =>
        Report(DiagnosticDescriptors.InvalidDocument, offset, offset, CurrentPointer, Format, MessageText.AsClause(reason), Hint);

    protected void Report(DiagnosticDescriptor descriptor, int start, int end, string pointer, params string[] arguments) =>
        Diagnostics.Add(descriptor, Locator.Span(start, end, pointer), arguments);

    /// <summary>Returns true when the first character after white space and JSON comments (which Json.NET accepts) is <c>{</c>.</summary>
    private static bool IsJson(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (char.IsWhiteSpace(text[index]) || text[index] == '\uFEFF')
            {
                index++;
            }
            else if (string.CompareOrdinal(text, index, "//", 0, 2) == 0)
            {
                var lineEnd = text.IndexOf('\n', index);
                index = lineEnd < 0 ? text.Length : lineEnd + 1;
            }
            else if (string.CompareOrdinal(text, index, "/*", 0, 2) == 0)
            {
                var commentEnd = text.IndexOf("*/", index + 2, StringComparison.Ordinal);
                index = commentEnd < 0 ? text.Length : commentEnd + 2;
            }
            else
            {
                return text[index] == '{';
            }
        }

        return false;
    }

    private sealed class NestingTooDeepException : Exception
    {
        public NestingTooDeepException(string pointer, int offset)
        {
            Pointer = pointer;
            Offset = offset;
        }

        public string Pointer { get; }

        public int Offset { get; }
    }
}
