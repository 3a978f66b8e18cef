using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Helpers;

/// <summary>
/// Finds lines in the text of a document, for diagnostics. NSwag keeps no positions, so a JSON pointer is
/// located by searching for each of its keys in turn, each after the previous one.
/// </summary>
internal sealed class TextLocator
{
    private readonly string _filePath;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };
    private Dictionary<string, List<int>>? _keyOffsets;

    public TextLocator(string filePath, string text)
    {
        _filePath = filePath;
        _text = text;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '\n')
            {
                _lineStarts.Add(index + 1);
            }
        }
    }

    /// <summary>Returns the location of a one-based line and column, as parsers report them, clamped to the text.</summary>
    public LocationInfo AtLineColumn(long oneBasedLine, long oneBasedColumn)
    {
        var line = (int)Math.Max(0, Math.Min(oneBasedLine - 1, _lineStarts.Count - 1));
        var lineEnd = LineEnd(line);
        var start = (int)Math.Max(_lineStarts[line], Math.Min(_lineStarts[line] + oneBasedColumn - 1, lineEnd));
        return Span(start, lineEnd);
    }

    /// <summary>
    /// Returns the location of the last key of a JSON pointer such as <c>#/paths/~1pets/get</c> that could be
    /// found; the first line when none could.
    /// </summary>
    /// <remarks>NOTE: the search is textual, so a key that also occurs earlier under another parent may be matched first.</remarks>
    public LocationInfo AtPointer(string pointer)
    {
        var keys = _keyOffsets ??= IndexKeys(_text);
        var position = 0;
        var found = -1;
        foreach (var rawSegment in pointer.TrimStart('#').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            if (!keys.TryGetValue(segment, out var offsets))
            {
                continue;
            }

            var index = offsets.BinarySearch(position);
            index = index < 0 ? ~index : index;
            if (index == offsets.Count)
            {
                break;
            }

            found = offsets[index];
            position = found + 1;
        }

        return found < 0 ? AtStart() : Span(found, LineEnd(LineColumn(found).Line));
    }

    /// <summary>Returns the line of the first occurrence of the text, such as a <c>$ref</c> value; the first line when it does not occur.</summary>
    public LocationInfo AtText(string text)
    {
        var index = text.Length == 0 ? -1 : _text.IndexOf(text, StringComparison.Ordinal);
        return index < 0 ? AtStart() : Span(index, index + text.Length);
    }

    /// <summary>Returns the first line of the document.</summary>
    public LocationInfo AtStart() => Span(0, LineEnd(0));

    /// <summary>Collects the offset of every mapping key, quoted (JSON or YAML) or plain (YAML), in one pass per form.</summary>
    private static Dictionary<string, List<int>> IndexKeys(string text)
    {
        var keys = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var pattern in KeyPatterns)
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                var key = match.Groups["key"];
                if (!keys.TryGetValue(key.Value, out var offsets))
                {
                    offsets = new List<int>();
                    keys.Add(key.Value, offsets);
                }

                offsets.Add(key.Index);
            }
        }

        foreach (var offsets in keys.Values)
        {
            offsets.Sort();
        }

        return keys;
    }

    private static readonly Regex[] KeyPatterns =
    {
        new("\"(?<key>(?:[^\"\\\\\r\n]|\\\\.)*)\"\\s*:", RegexOptions.CultureInvariant),
        new("'(?<key>[^'\r\n]*)'\\s*:", RegexOptions.CultureInvariant),
        new("^[ \t]*(?:-[ \t]+)?(?<key>[^\\s'\"#-][^\r\n]*?|-[^\\s][^\r\n]*?)[ \t]*:(?=[ \t]|\r?$)", RegexOptions.CultureInvariant | RegexOptions.Multiline),
    };

    private int LineEnd(int line)
    {
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;
        return end > _lineStarts[line] && _text[end - 1] == '\r' ? end - 1 : end;
    }

    private LocationInfo Span(int start, int end)
    {
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new LocationInfo(_filePath, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line, offset - _lineStarts[line]);
    }
}
