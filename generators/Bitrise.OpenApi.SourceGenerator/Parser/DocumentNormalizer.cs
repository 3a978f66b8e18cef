using System;
using System.Collections.Generic;
using System.Linq;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Rewrites the valid constructs that NSwag 14.8 cannot load into equivalent ones it can, before the tree is
/// handed over as JSON: an OpenAPI 3.1 operation without <c>responses</c>, a path item that references
/// <c>components/pathItems</c>, a discriminator mapping to a bare schema name, and version fields written as
/// YAML numbers.
/// </summary>
internal static class DocumentNormalizer
{
    /// <summary>The prefix of the dialects that OpenAPI 3.1 defines for its schemas: <c>base</c> and dated versions.</summary>
    private const string OpenApiDialectPrefix = "https://spec.openapis.org/oas/3.1/dialect/";

    private const string PathItemsPointer = "#/components/pathItems/";

    /// <summary>The maximum number of path item references followed from one entry of <c>paths</c>.</summary>
    private const int MaxPathItemHops = 16;

    /// <summary>Normalises the tree. Returns false when a reported problem leaves no document for NSwag to load.</summary>
    public static bool Normalize(SourceNode root, DiagnosticBag diagnostics)
    {
        QuoteScalar(root, "openapi");
        QuoteScalar(root, "swagger");
        if (root.Get("info") is { IsMapping: true } info)
        {
            QuoteScalar(info, "version");
        }

        if (root.GetString("openapi") is not { } version)
        {
            return true;
        }

        ReportOtherDialect(root, diagnostics);
        InlinePathItemReferences(root, diagnostics);
        if (version.StartsWith("3.1", StringComparison.Ordinal))
        {
            AddMissingResponses(root, diagnostics);
        }

        // NSwag 14.8 reads no 'webhooks' (OpenAPI 3.1), so without a note they would vanish without a word.
        var webhooks = root.Members.LastOrDefault(member => member.Key == "webhooks");
        if (webhooks is { Value: { IsMapping: true, Members.Count: > 0 } })
        {
            diagnostics.AddAtNode(DiagnosticDescriptors.WebhooksIgnored, webhooks.Value, webhooks, string.Join(", ", webhooks.Value.Members.Select(member => "'" + member.Key + "'")));
        }

        var schemas = root.Get("components")?.Get("schemas") is { IsMapping: true } found ? found : null;
        return QualifyDiscriminatorMappings(root, root, schemas, diagnostics, new HashSet<SourceNode>());
    }

    /// <summary>
    /// Reports a <c>jsonSchemaDialect</c> other than the OpenAPI 3.1 dialect, because NSwag reads every schema as
    /// an OpenAPI schema whatever the document declares.
    /// </summary>
    private static void ReportOtherDialect(SourceNode root, DiagnosticBag diagnostics)
    {
        var member = root.Members.LastOrDefault(candidate => candidate.Key == "jsonSchemaDialect");
        if (member is { Value: { Kind: SourceNodeKind.String, Scalar: { } dialect } } && !dialect.StartsWith(OpenApiDialectPrefix, StringComparison.Ordinal))
        {
            diagnostics.AddAtNode(DiagnosticDescriptors.OtherSchemaDialect, member.Value, member, dialect);
        }
    }

    /// <summary>
    /// Puts the path item that an entry of <c>paths</c> references under <c>components/pathItems</c> (OpenAPI 3.1)
    /// in place of the reference, because NSwag 14.8 reads no <c>components/pathItems</c>. Fields beside the
    /// <c>$ref</c> are kept where the referenced path item lacks them. The path items that no entry references are
    /// reported, since they get no methods.
    /// </summary>
    private static void InlinePathItemReferences(SourceNode root, DiagnosticBag diagnostics)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        if (root.Get("paths") is { IsMapping: true } paths)
        {
            foreach (var member in paths.Members.ToList())
            {
                var pathItem = member.Value;
                for (var hops = 0; hops < MaxPathItemHops && PathItemTarget(root, pathItem, referenced) is { } target; hops++)
                {
                    pathItem = Merge(target, pathItem);
                }

                if (!ReferenceEquals(pathItem, member.Value))
                {
                    paths.Set(member.Key, pathItem);
                }
            }
        }

        var pathItems = root.Get("components")?.Members.LastOrDefault(member => member.Key == "pathItems");
        var unreferenced = pathItems?.Value.Members.Where(member => !referenced.Contains(member.Key)).ToList();
        if (unreferenced is { Count: > 0 })
        {
            diagnostics.AddAtNode(DiagnosticDescriptors.PathItemsNotGenerated, pathItems!.Value, pathItems, string.Join(", ", unreferenced.Select(member => "'" + member.Key + "'")));
        }
    }

    /// <summary>Returns the path item under <c>components/pathItems</c> that a path item references, and notes its name.</summary>
    private static SourceNode? PathItemTarget(SourceNode root, SourceNode pathItem, HashSet<string> referenced)
    {
        if (pathItem.GetString("$ref") is not { } reference || !reference.StartsWith(PathItemsPointer, StringComparison.Ordinal))
        {
            return null;
        }

        var target = root.Find(reference);
        if (target is not { IsMapping: true })
        {
            return null;
        }

        referenced.Add(SourceNode.Segments(reference)[2]);
        return target;
    }

    /// <summary>Returns a mapping of the target's members and the referencing node's other members that the target lacks.</summary>
    private static SourceNode Merge(SourceNode target, SourceNode referencing)
    {
        var merged = SourceNode.Create(SourceNodeKind.Mapping, target.FilePath, target.Pointer, target.Start, target.End);
        merged.Members.AddRange(target.Members);
        merged.Members.AddRange(referencing.Members.Where(member => member.Key != "$ref" && target.Get(member.Key) is null));
        return merged;
    }

    /// <summary>
    /// Writes a number such as <c>openapi: 3.0</c> or <c>version: 1.10</c> as the string NSwag reads, with the digits
    /// as the document wrote them.
    /// </summary>
    private static void QuoteScalar(SourceNode mapping, string key)
    {
        if (mapping.Get(key) is { Kind: SourceNodeKind.Number } number)
        {
            mapping.Set(key, SourceNode.Create(SourceNodeKind.String, number.FilePath, number.Pointer, number.Start, number.End, number.Scalar));
        }
    }

    /// <summary>OpenAPI 3.1 makes <c>responses</c> optional, and NSwag rejects an operation without it.</summary>
    private static void AddMissingResponses(SourceNode root, DiagnosticBag diagnostics)
    {
        if (root.Get("paths") is not { IsMapping: true } paths)
        {
            return;
        }

        foreach (var pathItem in paths.Members.Select(member => member.Value).Where(value => value.IsMapping))
        {
            foreach (var member in pathItem.Members.Where(member => StructureValidator.OperationKeys.Contains(member.Key) && member.Value.IsMapping).ToList())
            {
                var operation = member.Value;
                if (operation.Get("responses") is null)
                {
                    diagnostics.AddAtNode(DiagnosticDescriptors.MissingResponses, operation, member);
                    operation.Set("responses", SourceNode.Synthesized(SourceNodeKind.Mapping, operation));
                }
            }
        }
    }

    /// <summary>
    /// A discriminator mapping may name a schema of <c>components/schemas</c> by its bare name; NSwag resolves
    /// only references, so the name becomes one. A mapping value that points at a node the document does not have
    /// is reported at its entry, and false is returned, because NSwag would fail on it without a position.
    /// </summary>
    private static bool QualifyDiscriminatorMappings(SourceNode root, SourceNode node, SourceNode? schemas, DiagnosticBag diagnostics, HashSet<SourceNode> visited)
    {
        if (!visited.Add(node))
        {
            return true;
        }

        var isValid = true;
        if (node.Get("discriminator")?.Get("mapping") is { IsMapping: true } mapping)
        {
            foreach (var member in mapping.Members.ToList())
            {
                if (member.Value is not { Kind: SourceNodeKind.String, Scalar: { } name } value)
                {
                    continue;
                }

                if (name.IndexOfAny(new[] { '#', '/' }) < 0 && schemas?.Get(name) is not null)
                {
                    mapping.Set(member.Key, SourceNode.Create(SourceNodeKind.String, value.FilePath, value.Pointer, value.Start, value.End, SourceNode.ChildPointer("#/components/schemas", name)));
                }
                else if (name.StartsWith("#", StringComparison.Ordinal) && root.Find(name) is null)
                {
                    var reason = "the discriminator mapping names it for the value '" + member.Key + "', but the document has no node at '" + name + "'";
                    diagnostics.AddAtNode(DiagnosticDescriptors.InvalidReference, value, member, name, reason);
                    isValid = false;
                }
            }
        }

        foreach (var child in node.Members.Select(member => member.Value).Concat(node.Items))
        {
            isValid &= QualifyDiscriminatorMappings(root, child, schemas, diagnostics, visited);
        }

        return isValid;
    }
}
