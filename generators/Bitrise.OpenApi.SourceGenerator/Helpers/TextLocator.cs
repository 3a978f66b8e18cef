using System;
using System.Collections.Generic;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Helpers;

/// <summary>Turns character offsets in the text of one file into locations with lines and columns.</summary>
internal sealed class TextLocator
{
    private readonly string _filePath;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

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

    /// <summary>Returns the offset of a one-based line and a count of characters before the position on it, as Json.NET reports them.</summary>
    public int Offset(long oneBasedLine, long charactersBefore)
    {
        var line = (int)Math.Max(0, Math.Min(oneBasedLine - 1, _lineStarts.Count - 1));
        return (int)Math.Max(_lineStarts[line], Math.Min(_lineStarts[line] + charactersBefore, LineEnd(line)));
    }

    /// <summary>Returns the location of the characters from <paramref name="start"/> to <paramref name="end"/>, clamped to the text.</summary>
    public LocationInfo Span(int start, int end, string pointer)
    {
        start = Math.Max(0, Math.Min(start, _text.Length));
        end = Math.Max(start, Math.Min(end, _text.Length));
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new LocationInfo(_filePath, start, end - start, startLine, startColumn, endLine, endColumn, pointer);
    }

    /// <summary>Returns the location from the offset to the end of its line, for a node whose first line marks it.</summary>
    public LocationInfo RestOfLine(int start, string pointer) =>
        Span(start, LineEnd(LineColumn(Math.Max(0, Math.Min(start, _text.Length))).Line), pointer);

    /// <summary>Returns the first line of the document.</summary>
    public LocationInfo AtStart() => Span(0, LineEnd(0), "#");

    private int LineEnd(int line)
    {
        var end = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;
        return end > _lineStarts[line] && _text[end - 1] == '\r' ? end - 1 : end;
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
