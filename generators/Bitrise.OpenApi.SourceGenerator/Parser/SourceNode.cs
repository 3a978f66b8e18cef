using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

internal enum SourceNodeKind
{
    Mapping,
    Sequence,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A node of a document as the generator's own reader parsed it from JSON or YAML: its JSON value, the file it
/// came from, its character span in that file and its JSON pointer there. NSwag keeps no positions, so
/// diagnostics are located through these nodes.
/// </summary>
/// <remarks>
/// The parser mutates the tree while it normalises the document and resolves references to other files, so a
/// node can end up under a parent from another file. It is never part of the equatable model.
/// </remarks>
internal sealed class SourceNode
{
    private SourceNode(SourceNodeKind kind, string filePath, string pointer, int start, int end, string? scalar)
    {
        Kind = kind;
        FilePath = filePath;
        Pointer = pointer;
        Start = start;
        End = end;
        Scalar = scalar;
    }

    public SourceNodeKind Kind { get; }

    public string FilePath { get; }

    /// <summary>The pointer of the node in its own file, such as <c>#/properties/id</c>.</summary>
    public string Pointer { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>
    /// The value of a scalar: the text of a string, a number as JSON writes it, <c>true</c> or <c>false</c>;
    /// null for mappings, sequences and null.
    /// </summary>
    public string? Scalar { get; }

    /// <summary>The members of a mapping in document order; empty for other kinds.</summary>
    public List<SourceMember> Members { get; } = new();

    /// <summary>The items of a sequence; empty for other kinds.</summary>
    public List<SourceNode> Items { get; } = new();

    public bool IsMapping => Kind == SourceNodeKind.Mapping;

    public static SourceNode Create(SourceNodeKind kind, string filePath, string pointer, int start, int end, string? scalar = null) =>
        new(kind, filePath, pointer, start, end, scalar);

    /// <summary>Returns a node of the same value placed elsewhere, for a value the document did not write itself.</summary>
    public static SourceNode Synthesized(SourceNodeKind kind, SourceNode near, string? scalar = null) =>
        new(kind, near.FilePath, near.Pointer, near.Start, near.Start, scalar);

    /// <summary>Returns the value of the member with the key, or null.</summary>
    public SourceNode? Get(string key)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Key, key, StringComparison.Ordinal))
            {
                return member.Value;
            }
        }

        return null;
    }

    /// <summary>Returns the child that a pointer segment names: a member's value (the later one of a duplicate key) or a sequence item.</summary>
    public SourceNode? Child(string segment, out SourceMember? member)
    {
        member = null;
        if (Kind == SourceNodeKind.Sequence)
        {
            return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Items.Count
                ? Items[index]
                : null;
        }

        member = Members.LastOrDefault(candidate => string.Equals(candidate.Key, segment, StringComparison.Ordinal));
        return member?.Value;
    }

    /// <summary>Returns the node that a pointer such as <c>#/components/schemas/Pet</c> names below this one, or null.</summary>
    public SourceNode? Find(string pointer)
    {
        SourceNode? node = this;
        foreach (var segment in Segments(pointer))
        {
            node = node.Child(segment, out _);
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Returns the string value of the member with the key, or null when it is missing or not a string.</summary>
    public string? GetString(string key) => Get(key) is { Kind: SourceNodeKind.String } value ? value.Scalar : null;

    /// <summary>Replaces the value of the member with the key, or appends the member.</summary>
    public void Set(string key, SourceNode value)
    {
        for (var index = 0; index < Members.Count; index++)
        {
            if (string.Equals(Members[index].Key, key, StringComparison.Ordinal))
            {
                Members[index] = Members[index] with { Value = value };
                return;
            }
        }

        Members.Add(new SourceMember(key, value.FilePath, -1, -1, value));
    }

    /// <summary>Returns the pointer of a child: the parent's pointer plus the escaped key or index.</summary>
    public static string ChildPointer(string parent, string segment)
    {
        var builder = new StringBuilder(parent.Length + segment.Length + 1).Append(parent).Append('/');
        foreach (var character in segment)
        {
            _ = character switch
            {
                '~' => builder.Append("~0"),
                '/' => builder.Append("~1"),
                _ => builder.Append(character),
            };
        }

        return builder.ToString();
    }

    /// <summary>Splits a pointer such as <c>#/paths/~1pets</c> into its unescaped segments; percent escapes of a URI fragment are decoded too.</summary>
    public static IReadOnlyList<string> Segments(string pointer)
    {
        var text = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        if (text.IndexOf('%') >= 0)
        {
            text = Uri.UnescapeDataString(text);
        }

        var segments = new List<string>();
        if (text.Length == 0)
        {
            return segments;
        }

        foreach (var raw in text.TrimStart('/').Split('/'))
        {
            segments.Add(raw.Replace("~1", "/").Replace("~0", "~"));
        }

        return segments;
    }
}

/// <summary>A member of a mapping: its key, and where the key is written (-1 when the parser added the member).</summary>
internal sealed record SourceMember(string Key, string FilePath, int KeyStart, int KeyEnd, SourceNode Value);
