using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>A top-level version field: its name, its value as written, and the one-based line and column of its key.</summary>
internal sealed record VersionField(string Name, string Value, long Line, long Column);

/// <summary>
/// Reads the top-level <c>openapi</c>, <c>swagger</c> and <c>swaggerVersion</c> (Swagger 1.x) fields before NSwag
/// loads the document. NSwag reads some unsupported versions without complaint and rejects others with an
/// unrelated error, so the parser checks the version first. Nested values are skipped.
/// </summary>
internal static class VersionFieldReader
{
    private static readonly HashSet<string> FieldNames = new(StringComparer.Ordinal) { "openapi", "swagger", "swaggerVersion" };

    /// <summary>Returns the version fields in document order, or null when JSON text is not valid.</summary>
    /// <remarks>
    /// A JSON syntax error is left for the NSwag load to report with Json.NET's position. A YAML syntax error
    /// propagates, because NSwag's YAML step replaces the parser's reason with "Exception during deserialization".
    /// </remarks>
    /// <exception cref="YamlException">The YAML text is not valid.</exception>
    public static IReadOnlyList<VersionField>? Read(string text, bool isJson)
    {
        if (!isJson)
        {
            return ReadYaml(text);
        }

        try
        {
            return ReadJson(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<VersionField> ReadJson(string text)
    {
        var fields = new List<VersionField>();
        var lines = text.Split('\n');
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        if (!ReadToken(reader) || reader.TokenType != JsonToken.StartObject)
        {
            return fields;
        }

        while (ReadToken(reader) && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            var line = reader.LineNumber;
            var column = reader.LinePosition;
            ReadToken(reader);
            if (FieldNames.Contains(name) && reader.Value is { } value)
            {
                fields.Add(new VersionField(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, line, KeyColumn(lines, line, column, name)));
            }

            reader.Skip();
        }

        return fields;
    }

    /// <summary>Reads the next token that is not a comment: Json.NET and NSwag accept comments in JSON documents.</summary>
    private static bool ReadToken(JsonTextReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the one-based column of the quoted key that ends before <paramref name="position"/>, where Json.NET
    /// leaves a property name (after its colon).
    /// </summary>
    private static long KeyColumn(string[] lines, int line, int position, string name)
    {
        var text = line >= 1 && line <= lines.Length ? lines[line - 1] : string.Empty;
        var start = text.LastIndexOf("\"" + name + "\"", Math.Min(Math.Max(position - 1, 0), Math.Max(text.Length - 1, 0)), StringComparison.Ordinal);
        return start < 0 ? 1 : start + 1;
    }

    private static List<VersionField> ReadYaml(string text)
    {
        var parser = new TrackingParser(new YamlDotNet.Core.Parser(new StringReader(text)));
        try
        {
            return ReadYamlFields(parser);
        }
        catch (InvalidOperationException)
        {
            // NOTE: YamlDotNet 16.3 throws a bare InvalidOperationException for some malformed input, such as an
            // unclosed flow sequence followed by less indented keys. Its message names no reason, so only the end of
            // the last event that could be read is known.
            throw new YamlException(parser.LastEnd, parser.LastEnd, "the YAML parser failed after this point without naming a reason");
        }
    }

    private static List<VersionField> ReadYamlFields(IParser parser)
    {
        var fields = new List<VersionField>();
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
        {
            return fields;
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.TryConsume<Scalar>(out var key) && FieldNames.Contains(key.Value) && parser.TryConsume<Scalar>(out var value))
            {
                fields.Add(new VersionField(key.Value, value.Value, key.Start.Line, key.Start.Column));
                continue;
            }

            // Skips the value of any other key, and before it the key itself when that is not a scalar.
            if (key is null)
            {
                parser.SkipThisAndNestedEvents();
            }

            parser.SkipThisAndNestedEvents();
        }

        return fields;
    }

    /// <summary>A parser that remembers where the last event it read ends, for an error that carries no position.</summary>
    private sealed class TrackingParser : IParser
    {
        private readonly IParser _parser;

        public TrackingParser(IParser parser)
        {
            _parser = parser;
        }

        public Mark LastEnd { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => _parser.Current;

        public bool MoveNext()
        {
            var moved = _parser.MoveNext();
            if (moved && _parser.Current is { } current)
            {
                LastEnd = current.End;
            }

            return moved;
        }
    }
}
