using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Resolves the <c>$ref</c> values of a document before NSwag reads it, so that NSwag reads one self-contained
/// document. A reference into another file is taken from <see cref="OpenApiDocumentInput.References"/>, the other
/// <c>AdditionalFiles</c> items, and never read from disk: a schema it reaches is added to the document's named
/// schemas and the reference pointed at it, and any other node (a parameter, a response) is put in place of the
/// reference. Local references are checked, and references that point at nothing or only at each other are
/// reported. URLs are left for NSwag's resolver, which fetches nothing.
/// </summary>
internal sealed class ReferenceBundler
{
    /// <summary>Keys whose value is a schema.</summary>
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal)
    {
        "schema", "items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else",
    };

    /// <summary>Keys whose value is data, where a <c>$ref</c> key is not a reference.</summary>
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "value" };

    /// <summary>Keys of a schema whose value is data; outside schemas, <c>default</c> is the default response.</summary>
    private static readonly HashSet<string> SchemaDataKeys = new(StringComparer.Ordinal) { "enum", "default", "const", "examples" };

    /// <summary>Keys whose value is a sequence of schemas.</summary>
    private static readonly HashSet<string> SchemaListKeys = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf", "prefixItems" };

    /// <summary>Keys whose value maps names to schemas.</summary>
    private static readonly HashSet<string> SchemaMapKeys = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas",
    };

    private readonly OpenApiDocumentInput _input;
    private readonly DiagnosticBag _diagnostics;
    private readonly SourceNode _root;
    private readonly Dictionary<string, SourceNode?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Pointer), string> _hoisted = new();
    private readonly HashSet<(string File, string Pointer)> _inlining = new();
    /// <summary>A marker for a node to remove: a parameter or response in a file that is not an item.</summary>
    private static readonly SourceNode Removed = SourceNode.Create(SourceNodeKind.Null, string.Empty, "#", 0, 0);

    private readonly HashSet<SourceNode> _visited = new();
    private readonly List<SourceNode> _plainReferences = new();
    private bool _failed;

    private ReferenceBundler(OpenApiDocumentInput input, SourceNode root, DiagnosticBag diagnostics)
    {
        _input = input;
        _root = root;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Resolves the references of the document in place. Returns false when a reference points at nothing, leads
    /// back to itself or reaches a file that cannot be read, so no code can be generated.
    /// </summary>
    public static bool Bundle(OpenApiDocumentInput input, SourceNode root, DiagnosticBag diagnostics)
    {
        var bundler = new ReferenceBundler(input, root, diagnostics);
        bundler.Visit(root, input.FilePath, isSchema: false);
        bundler.ReportCycles();
        return !bundler._failed;
    }

    private void Visit(SourceNode node, string file, bool isSchema)
    {
        if (!_visited.Add(node))
        {
            return;
        }

        if (node.Kind == SourceNodeKind.Sequence)
        {
            for (var index = 0; index < node.Items.Count; index++)
            {
                node.Items[index] = Resolve(node.Items[index], file, isSchema) ?? node.Items[index];
                Visit(node.Items[index], file, isSchema);
            }

            node.Items.RemoveAll(item => ReferenceEquals(item, Removed));
            return;
        }

        var isRoot = ReferenceEquals(node, _root);
        for (var index = 0; index < node.Members.Count; index++)
        {
            var member = node.Members[index];
            if (IsData(member.Key) || (isSchema && SchemaDataKeys.Contains(member.Key)))
            {
                continue;
            }

            var childIsSchema = SchemaKeys.Contains(member.Key)
                || (isSchema && SchemaMapKeys.Contains(member.Key))
                || (isRoot && member.Key == "definitions")
                || (ReferenceEquals(node, _root.Get("components")) && member.Key == "schemas");
            var value = member.Value;
            if (member.Key is "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas" or "schemas" && childIsSchema && value.IsMapping)
            {
                VisitSchemaMap(value, file);
                continue;
            }

            if (SchemaListKeys.Contains(member.Key) && value.Kind == SourceNodeKind.Sequence)
            {
                Visit(value, file, isSchema: true);
                continue;
            }

            if (Resolve(value, file, childIsSchema) is { } replacement)
            {
                node.Members[index] = member with { Value = replacement };
                value = replacement;
            }

            Visit(value, file, childIsSchema);
        }

        node.Members.RemoveAll(member => ReferenceEquals(member.Value, Removed));
    }

    private void VisitSchemaMap(SourceNode map, string file)
    {
        if (!_visited.Add(map))
        {
            return;
        }

        for (var index = 0; index < map.Members.Count; index++)
        {
            if (Resolve(map.Members[index].Value, file, isSchema: true) is { } replacement)
            {
                map.Members[index] = map.Members[index] with { Value = replacement };
            }

            Visit(map.Members[index].Value, file, isSchema: true);
        }
    }

    /// <summary>Resolves the node when it is a reference; returns the node to put in its place, or null to keep it.</summary>
    private SourceNode? Resolve(SourceNode node, string file, bool isSchema)
    {
        if (!node.IsMapping || node.Get("$ref") is not { Kind: SourceNodeKind.String, Scalar: { } reference } referenceNode)
        {
            return null;
        }

        var hash = reference.IndexOf('#');
        var path = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? "#" : reference.Substring(hash);
        if (path.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        if (!isSchema)
        {
            _plainReferences.Add(node);
        }

        var targetFile = path.Length == 0 ? Normalize(file) : Combine(file, path);
        var referenced = Find(targetFile);
        if (referenced is null && SamePath(targetFile, Normalize(_input.FilePath)))
        {
            return ResolveLocal(node, referenceNode, reference, fragment);
        }

        // Spellings that differ in case reach one item, so they share its loaded text and its hoisted schemas.
        if (referenced is not null)
        {
            targetFile = Normalize(referenced.FilePath);
        }

        var targetRoot = Load(targetFile);
        if (targetRoot is null)
        {
            if (IsReferenced(targetFile))
            {
                // The file could not be read, and its own diagnostics give the reason.
                _failed = true;
            }
            else
            {
                var fallback = isSchema ? "the value is typed JsonElement" : "the generator leaves the referencing node out";
                _diagnostics.AddAtNode(DiagnosticDescriptors.ReferencedFileMissing, referenceNode, null, reference, targetFile, fallback);
            }

            // An empty schema is typed JsonElement; an empty parameter or response would be read as a broken one.
            return isSchema ? SourceNode.Synthesized(SourceNodeKind.Mapping, node) : Removed;
        }

        var target = targetRoot.Find(fragment);
        if (target is null)
        {
            _diagnostics.AddAtNode(DiagnosticDescriptors.InvalidReference, referenceNode, null, reference, "'" + targetFile + "' has no node at '" + fragment + "'");
            _failed = true;
            return null;
        }

        var key = (targetFile, target.Pointer);
        if (isSchema)
        {
            return Hoist(node, referenceNode, key, target, targetFile, fragment);
        }

        if (!_inlining.Add(key))
        {
            _diagnostics.AddAtNode(DiagnosticDescriptors.CircularReference, referenceNode, null, reference, "'" + targetFile + fragment + "'");
            _failed = true;
            return null;
        }

        var inlined = Resolve(target, targetFile, isSchema) ?? target;
        Visit(inlined, targetFile, isSchema);
        _inlining.Remove(key);
        return inlined;
    }

    private SourceNode? ResolveLocal(SourceNode node, SourceNode referenceNode, string reference, string fragment)
    {
        if (_root.Find(fragment) is null)
        {
            _diagnostics.AddAtNode(DiagnosticDescriptors.InvalidReference, referenceNode, null, reference, "the document has no node at '" + fragment + "'");
            _failed = true;
            return null;
        }

        // A reference from another file back into the document, or one written with the document's own file name.
        return string.Equals(reference, fragment, StringComparison.Ordinal) ? null : WithReference(node, referenceNode, fragment);
    }

    /// <summary>Adds the schema to the document's named schemas, once per file and pointer, and returns a reference to it.</summary>
    private SourceNode Hoist(SourceNode node, SourceNode referenceNode, (string File, string Pointer) key, SourceNode target, string targetFile, string fragment)
    {
        var isSwagger = _root.Get("swagger") is not null;
        var prefix = isSwagger ? "#/definitions/" : "#/components/schemas/";
        if (!_hoisted.TryGetValue(key, out var name))
        {
            var schemas = isSwagger ? Child(_root, "definitions") : Child(Child(_root, "components"), "schemas");
            name = UniqueName(schemas, SchemaName(targetFile, fragment));
            _hoisted.Add(key, name);
            schemas.Members.Add(new SourceMember(name, target.FilePath, -1, -1, target));

            // The name is taken before the schema is resolved, so a schema that refers to itself refers to that name.
            var hoisted = Resolve(target, targetFile, isSchema: true) ?? target;
            schemas.Set(name, hoisted);
            Visit(hoisted, targetFile, isSchema: true);
        }

        return WithReference(node, referenceNode, prefix + SourceNode.ChildPointer(string.Empty, name).Substring(1));
    }

    /// <summary>
    /// Reports each reference outside schemas that only leads through other references back to itself, because
    /// NSwag would follow it without end. The schema mapper reports cycles of schemas.
    /// </summary>
    private void ReportCycles()
    {
        var inReportedCycle = new HashSet<SourceNode>();
        foreach (var holder in _plainReferences)
        {
            if (inReportedCycle.Contains(holder) || holder.Get("$ref") is not { Scalar: { } start } referenceNode)
            {
                continue;
            }

            var chain = new List<string>();
            var seen = new HashSet<SourceNode> { holder };
            var current = holder;
            var isCycle = false;
            while (current.GetString("$ref") is { } reference && reference.StartsWith("#", StringComparison.Ordinal))
            {
                chain.Add("'" + reference + "'");
                current = _root.Find(reference);
                if (current is null || !seen.Add(current))
                {
                    isCycle = ReferenceEquals(current, holder);
                    break;
                }
            }

            // Only the references on the cycle report it, and only the first of them, not those that lead into it.
            if (isCycle)
            {
                _diagnostics.AddAtNode(DiagnosticDescriptors.CircularReference, referenceNode, null, start, string.Join(", ", chain));
                inReportedCycle.UnionWith(seen);
                _failed = true;
            }
        }
    }

    private SourceNode? Load(string filePath)
    {
        if (_files.TryGetValue(filePath, out var loaded))
        {
            return loaded;
        }

        var referenced = Find(filePath);
        loaded = referenced is null ? null : SourceReader.Read(referenced.FilePath, referenced.Text, _diagnostics);
        _files.Add(filePath, loaded);
        return loaded;
    }

    private static bool IsData(string key) => DataKeys.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal);

    private bool IsReferenced(string filePath) => Find(filePath) is not null;

    /// <summary>
    /// Finds the referenced file by its normalized path: the exact path, or else the one file whose path differs
    /// only in case. The rule is the selector's, so a file it passed in always resolves, and it does not depend on
    /// the machine's file system, so output is the same everywhere.
    /// </summary>
    private ReferencedText? Find(string filePath)
    {
        var exact = _input.References.FirstOrDefault(candidate => string.Equals(Normalize(candidate.FilePath), filePath, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var similar = _input.References.Where(candidate => SamePath(Normalize(candidate.FilePath), filePath)).Take(2).ToList();
        return similar.Count == 1 ? similar[0] : null;
    }

    private static bool SamePath(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static SourceNode WithReference(SourceNode node, SourceNode referenceNode, string reference)
    {
        var rewritten = SourceNode.Create(node.Kind, node.FilePath, node.Pointer, node.Start, node.End);
        foreach (var member in node.Members)
        {
            rewritten.Members.Add(member.Key == "$ref"
                ? member with { Value = SourceNode.Create(SourceNodeKind.String, referenceNode.FilePath, referenceNode.Pointer, referenceNode.Start, referenceNode.End, reference) }
                : member);
        }

        return rewritten;
    }

    private static SourceNode Child(SourceNode parent, string key)
    {
        if (parent.Get(key) is { IsMapping: true } existing)
        {
            return existing;
        }

        var created = SourceNode.Synthesized(SourceNodeKind.Mapping, parent);
        parent.Set(key, created);
        return created;
    }

    /// <summary>Names a schema of another file by the last key of its pointer, or by the file name when the whole file is the schema.</summary>
    private static string SchemaName(string file, string fragment)
    {
        var segments = SourceNode.Segments(fragment);
        if (segments.Count > 0)
        {
            return segments[segments.Count - 1];
        }

        var name = file.Substring(file.LastIndexOf('/') + 1);
        var dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static string UniqueName(SourceNode schemas, string name)
    {
        var candidate = name;
        for (var suffix = 2; schemas.Get(candidate) is not null; suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>Resolves a relative path against the directory of the file that holds the reference.</summary>
    private static string Combine(string file, string relative)
    {
        relative = Uri.UnescapeDataString(relative).Replace('\\', '/');
        var baseFile = Normalize(file);
        var combined = relative.StartsWith("/", StringComparison.Ordinal) || (relative.Length > 1 && relative[1] == ':')
            ? relative
            : baseFile.Substring(0, baseFile.LastIndexOf('/') + 1) + relative;
        return Normalize(combined);
    }

    /// <summary>Returns the path with forward slashes and without <c>.</c> and <c>..</c> segments.</summary>
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "." || (segment.Length == 0 && segments.Count > 0))
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] is not ".." and not "")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join("/", segments);
    }
}
