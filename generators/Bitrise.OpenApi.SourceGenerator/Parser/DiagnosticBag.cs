using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Collects the diagnostics of one document with their locations: in the document, or in another file that
/// one of its references reaches.
/// </summary>
internal sealed class DiagnosticBag
{
    /// <summary>The most references followed for one pointer segment, which ends a cycle of references.</summary>
    private const int MaxReferenceHops = 16;

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();
    private readonly Dictionary<string, TextLocator> _locators = new(StringComparer.Ordinal);
    private readonly string _filePath;
    private SourceNode? _root;

    public DiagnosticBag(string filePath, string text)
    {
        _filePath = filePath;
        Locator = LocatorFor(filePath, text);
    }

    /// <summary>The number of diagnostics added so far.</summary>
    public int Count => _diagnostics.Count;

    /// <summary>The locator of the document itself.</summary>
    public TextLocator Locator { get; }

    /// <summary>Returns the locator of a file, created on first use.</summary>
    public TextLocator LocatorFor(string filePath, string text)
    {
        if (!_locators.TryGetValue(filePath, out var locator))
        {
            locator = new TextLocator(filePath, text);
            _locators.Add(filePath, locator);
        }

        return locator;
    }

    /// <summary>Sets the tree that <see cref="AddAtPointer"/> looks pointers up in: the document as NSwag reads it.</summary>
    public void UseTree(SourceNode root) => _root = root;

    public void Add(DiagnosticDescriptor descriptor, LocationInfo location, params string[] messageArguments)
    {
        var diagnostic = new DiagnosticInfo(descriptor.Id, location, messageArguments.ToEquatableArray());
        if (_seen.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>
    /// Adds a diagnostic located at the node that a JSON pointer such as <c>#/paths/~1pets/get</c> names: at its
    /// key, or where the document does not write the node, at its nearest ancestor that it does write.
    /// </summary>
    public void AddAtPointer(DiagnosticDescriptor descriptor, string pointer, params string[] messageArguments) =>
        Add(descriptor, Locate(pointer), messageArguments);

    /// <summary>Adds a diagnostic located at a member's key, or at the node itself when the member has no key of its own.</summary>
    public void AddAtNode(DiagnosticDescriptor descriptor, SourceNode node, SourceMember? member, params string[] messageArguments) =>
        Add(descriptor, Locate(node, member, node.Pointer), messageArguments);

    /// <summary>Returns the location of the node that a pointer names in the tree, or of its nearest ancestor.</summary>
    public LocationInfo Locate(string pointer)
    {
        if (_root is null)
        {
            return Locator.AtStart() with { Pointer = pointer };
        }

        var segments = SourceNode.Segments(pointer);
        var (node, member, found) = Walk(_root, segments);

        // In the document itself the message names the requested pointer. In another file only the node's own
        // pointer there means something to the reader.
        var remainder = segments.Skip(found).Aggregate(node.Pointer, SourceNode.ChildPointer);
        var location = Locate(node, member, remainder);
        return string.Equals(location.FilePath, _filePath, StringComparison.Ordinal) ? location with { Pointer = pointer } : location;
    }

    /// <summary>
    /// Returns the node that a pointer names in the tree, following a schema's <c>$ref</c> as <see cref="Locate(string)"/>
    /// does, or null when the document does not write it.
    /// </summary>
    public SourceNode? NodeAt(string pointer)
    {
        if (_root is null)
        {
            return null;
        }

        var segments = SourceNode.Segments(pointer);
        var (node, _, found) = Walk(_root, segments);
        return found == segments.Count ? node : null;
    }

    /// <summary>Follows the segments from the root as far as the tree has them; returns the last node reached and how many segments led there.</summary>
    private (SourceNode Node, SourceMember? Member, int Found) Walk(SourceNode root, IReadOnlyList<string> segments)
    {
        var node = root;
        SourceMember? member = null;
        var found = 0;
        foreach (var segment in segments)
        {
            var next = node.Child(segment, out var nextMember);

            // A pointer that the mappers build through a schema's '$ref' goes on in the schema it references.
            for (var hops = 0; next is null && hops < MaxReferenceHops && Referenced(node) is { } referenced; hops++)
            {
                node = referenced;
                member = null;
                next = node.Child(segment, out nextMember);
            }

            if (next is null)
            {
                break;
            }

            node = next;
            member = nextMember;
            found++;
        }

        return (node, member, found);
    }

    /// <summary>Returns the diagnostics by file and place, then by id, so the output does not depend on mapping order.</summary>
    public EquatableArray<DiagnosticInfo> ToEquatableArray() =>
        _diagnostics
            .OrderBy(diagnostic => string.Equals(diagnostic.Location.FilePath, _filePath, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(diagnostic => diagnostic.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.Start)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ThenBy(diagnostic => string.Join("\u0000", diagnostic.MessageArguments), StringComparer.Ordinal)
            .ToEquatableArray();

    private LocationInfo Locate(SourceNode node, SourceMember? member, string pointer)
    {
        if (member is { KeyStart: >= 0 } && string.Equals(member.FilePath, node.FilePath, StringComparison.Ordinal))
        {
            return _locators[member.FilePath].Span(member.KeyStart, member.KeyEnd, pointer);
        }

        return _locators.TryGetValue(node.FilePath, out var locator)
            ? locator.RestOfLine(node.Start, pointer)
            : Locator.AtStart() with { Pointer = pointer };
    }

    private SourceNode? Referenced(SourceNode node) =>
        node.GetString("$ref") is { } reference && reference.StartsWith("#", StringComparison.Ordinal) ? _root!.Find(reference) : null;
}
