using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Reads YAML text into a <see cref="SourceNode"/> tree with YamlDotNet's parser events, which carry the start
/// and end of each node. Plain scalars are typed by the YAML 1.2 core schema, the one JSON shares.
/// </summary>
internal sealed class YamlSourceReader : SourceReader
{
    private static readonly Regex Integer = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex JsonNumber = new("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
    private TrackingParser? _parser;

    public YamlSourceReader(string filePath, string text, DiagnosticBag diagnostics)
        : base(filePath, text, diagnostics)
    {
    }

    protected override SourceNode? ReadRoot()
    {
        var parser = _parser = new TrackingParser(new YamlDotNet.Core.Parser(new StringReader(Text)));
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            var root = ReadNode("#", 0);
            Resume("#");
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                Report(DiagnosticDescriptors.MultipleYamlDocuments, At(second.Start), At(second.End), "#");
            }

            return root;
        }
        catch (YamlException exception)
        {
            ReportSyntaxError(At(exception.Start), YamlMessage(exception));
            return null;
        }
        catch (InvalidOperationException)
        {
            // NOTE: YamlDotNet 16.3 throws a bare InvalidOperationException for some malformed input, such as an
            // unclosed flow sequence followed by less indented keys. Its message names no reason, so only the end of
            // the last event that could be read is known.
            ReportSyntaxError(At(parser.LastEnd), "the YAML parser failed after this point without naming a reason");
            return null;
        }
    }

    protected override string Format => "YAML";

    protected override string Hint => "Check the indentation, quotes and brackets there.";

    private SourceNode ReadNode(string pointer, int depth)
    {
        var parser = _parser!;
        EnterNesting(pointer, depth, parser.Current is { } current ? At(current.Start) : 0);
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                return anchored;
            }

            throw new YamlException(alias.Start, alias.End, "the alias '*" + alias.Value.Value + "' names no anchor defined before it");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar.Anchor, CreateScalar(scalar, pointer));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<SourceNode>();
            var sequence = SourceNode.Create(SourceNodeKind.Sequence, FilePath, pointer, At(sequenceStart.Start), At(sequenceStart.End));
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Items.Add(ReadNode(SourceNode.ChildPointer(pointer, sequence.Items.Count.ToString(CultureInfo.InvariantCulture)), depth + 1));
                Resume(pointer);
            }

            return Remember(sequenceStart.Anchor, sequence);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var mapping = SourceNode.Create(SourceNodeKind.Mapping, FilePath, pointer, At(mappingStart.Start), At(mappingStart.End));
        var keys = new Dictionary<string, SourceMember>(StringComparer.Ordinal);
        var merged = new List<SourceMember>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var key))
            {
                var complexKey = parser.Current!;
                throw new YamlException(complexKey.Start, complexKey.End, "a mapping key is a collection, which JSON cannot represent");
            }

            var value = ReadNode(SourceNode.ChildPointer(pointer, key.Value), depth + 1);
            Resume(pointer);
            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                merged.AddRange(MergedMembers(value, key));
                continue;
            }

            AddMember(mapping, keys, key.Value, At(key.Start), At(key.End), value);
        }

        // A YAML 1.1 merge key ('<<: *base') adds the members of the merged mappings that the mapping does not set itself.
        foreach (var member in merged)
        {
            if (!keys.ContainsKey(member.Key))
            {
                keys.Add(member.Key, member);
                mapping.Members.Add(member);
            }
        }

        return Remember(mappingStart.Anchor, mapping);
    }

    private static IEnumerable<SourceMember> MergedMembers(SourceNode value, Scalar key)
    {
        var sources = value.Kind == SourceNodeKind.Sequence ? value.Items : new List<SourceNode> { value };
        foreach (var source in sources)
        {
            if (!source.IsMapping)
            {
                throw new YamlException(key.Start, key.End, "the merge key '<<' needs a mapping or a sequence of mappings");
            }
        }

        foreach (var source in sources)
        {
            foreach (var member in source.Members)
            {
                yield return member;
            }
        }
    }

    private SourceNode Remember(AnchorName anchor, SourceNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private SourceNode CreateScalar(Scalar scalar, string pointer)
    {
        var start = At(scalar.Start);
        var end = At(scalar.End);
        var value = scalar.Value;
        var isString = scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str");
        if (isString)
        {
            return SourceNode.Create(SourceNodeKind.String, FilePath, pointer, start, end, value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => SourceNode.Create(SourceNodeKind.Null, FilePath, pointer, start, end),
            "true" or "True" or "TRUE" => SourceNode.Create(SourceNodeKind.Boolean, FilePath, pointer, start, end, "true"),
            "false" or "False" or "FALSE" => SourceNode.Create(SourceNodeKind.Boolean, FilePath, pointer, start, end, "false"),
            _ => ToJsonNumber(value) is { } number
                ? SourceNode.Create(SourceNodeKind.Number, FilePath, pointer, start, end, number)
                : SourceNode.Create(SourceNodeKind.String, FilePath, pointer, start, end, value),
        };
    }

    /// <summary>Returns the number a plain scalar stands for as JSON writes it, or null when it is not a finite number.</summary>
    private static string? ToJsonNumber(string value)
    {
        if (JsonNumber.IsMatch(value))
        {
            return value;
        }

        if (Integer.IsMatch(value))
        {
            return BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        if (Octal.IsMatch(value) || Hexadecimal.IsMatch(value))
        {
            var radix = value[1] == 'o' ? 8 : 16;
            var number = BigInteger.Zero;
            foreach (var digit in value.Substring(2))
            {
                number = (number * radix) + Convert.ToInt32(digit.ToString(), 16);
            }

            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (Float.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsInfinity(parsed))
        {
            return parsed.ToString("R", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static int At(Mark mark) => (int)mark.Index;

    /// <summary>The positions that YamlDotNet puts before its message: <c>(Line: 3, Col: 10, Idx: 34) - (Line: 3, Col: 10, Idx: 34): </c>.</summary>
    private static readonly Regex YamlMarks = new("^\\(Line: \\d+, Col: \\d+, Idx: \\d+\\) - \\(Line: \\d+, Col: \\d+, Idx: \\d+\\): ", RegexOptions.CultureInvariant);

    private static string YamlMessage(YamlException exception) => YamlMarks.Replace(exception.Message, string.Empty);

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
