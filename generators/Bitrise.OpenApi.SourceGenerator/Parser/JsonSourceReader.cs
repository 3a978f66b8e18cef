using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Newtonsoft.Json;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Reads JSON text into a <see cref="SourceNode"/> tree with Json.NET's reader, which accepts comments as NSwag
/// does. The reader gives only the position after each token, so a token starts at the first character after
/// the previous one that is not white space or a separator.
/// </summary>
internal sealed class JsonSourceReader : SourceReader
{
    private int _previousEnd;
    private int _tokenStart;

    public JsonSourceReader(string filePath, string text, DiagnosticBag diagnostics)
        : base(filePath, text, diagnostics)
    {
    }

    protected override string Format => "JSON";

    protected override string Hint => "Check the commas, quotes and brackets there.";

    protected override SourceNode? ReadRoot()
    {
        using var reader = new JsonTextReader(new StringReader(Text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = null,
        };
        try
        {
            if (!Next(reader))
            {
                return null;
            }

            var root = ReadNode(reader, "#", 0);
            Resume("#");
            if (Next(reader))
            {
                ReportSyntaxError(_tokenStart, "the text goes on after the end of the document");
            }

            return root;
        }
        catch (JsonReaderException exception)
        {
            ReportSyntaxError(Locator.Offset(exception.LineNumber, Math.Max(0, exception.LinePosition - 1)), MessageText.FromJsonException(exception.Message));
            return null;
        }
    }

    private SourceNode ReadNode(JsonTextReader reader, string pointer, int depth)
    {
        EnterNesting(pointer, depth, _tokenStart);
        var start = _tokenStart;
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                var mapping = SourceNode.Create(SourceNodeKind.Mapping, FilePath, pointer, start, _previousEnd);
                var keys = new Dictionary<string, SourceMember>(StringComparer.Ordinal);
                while (Next(reader) && reader.TokenType == JsonToken.PropertyName)
                {
                    var key = (string)reader.Value!;
                    var keyStart = _tokenStart;
                    var keyEnd = KeyEnd(keyStart);
                    Next(reader);
                    var value = ReadNode(reader, SourceNode.ChildPointer(pointer, key), depth + 1);
                    Resume(pointer);
                    AddMember(mapping, keys, key, keyStart, keyEnd, value);
                }

                return mapping;
            case JsonToken.StartArray:
                var sequence = SourceNode.Create(SourceNodeKind.Sequence, FilePath, pointer, start, _previousEnd);
                while (Next(reader) && reader.TokenType != JsonToken.EndArray)
                {
                    sequence.Items.Add(ReadNode(reader, SourceNode.ChildPointer(pointer, sequence.Items.Count.ToString(CultureInfo.InvariantCulture)), depth + 1));
                    Resume(pointer);
                }

                return sequence;
            case JsonToken.String:
                return SourceNode.Create(SourceNodeKind.String, FilePath, pointer, start, _previousEnd, (string)reader.Value!);
            case JsonToken.Integer or JsonToken.Float:
                return SourceNode.Create(SourceNodeKind.Number, FilePath, pointer, start, _previousEnd, Text.Substring(start, _previousEnd - start));
            case JsonToken.Boolean:
                return SourceNode.Create(SourceNodeKind.Boolean, FilePath, pointer, start, _previousEnd, (bool)reader.Value! ? "true" : "false");
            default:
                // null and undefined, which Json.NET also accepts.
                return SourceNode.Create(SourceNodeKind.Null, FilePath, pointer, start, _previousEnd);
        }
    }

    /// <summary>Reads the next token that is not a comment and records where it starts and ends.</summary>
    private bool Next(JsonTextReader reader)
    {
        while (true)
        {
            _tokenStart = SkipSeparators(_previousEnd);
            if (!reader.Read())
            {
                return false;
            }

            _previousEnd = Locator.Offset(reader.LineNumber, reader.LinePosition);
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }
    }

    private int SkipSeparators(int offset)
    {
        while (offset < Text.Length && (char.IsWhiteSpace(Text[offset]) || Text[offset] is ',' or ':' or '\uFEFF'))
        {
            offset++;
        }

        return offset;
    }

    /// <summary>Returns the end of the key that starts at the offset: after its closing quote, or after the name when Json.NET read it unquoted.</summary>
    private int KeyEnd(int keyStart)
    {
        if (keyStart >= Text.Length)
        {
            return keyStart;
        }

        var quote = Text[keyStart];
        var index = keyStart + 1;
        if (quote is '"' or '\'')
        {
            while (index < Text.Length && Text[index] != quote)
            {
                index += Text[index] == '\\' ? 2 : 1;
            }

            return Math.Min(index + 1, Text.Length);
        }

        while (index < Text.Length && !char.IsWhiteSpace(Text[index]) && Text[index] != ':')
        {
            index++;
        }

        return index;
    }
}
