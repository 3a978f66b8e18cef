using System;
using System.Collections.Generic;
using System.Linq;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Rewrites the valid constructs that NSwag 14.8 cannot load into equivalent ones it can, before the tree is
/// handed over as JSON: an OpenAPI 3.1 operation without <c>responses</c>, a discriminator mapping to a bare
/// schema name, and version fields written as YAML numbers.
/// </summary>
internal static class DocumentNormalizer
{
    public static void Normalize(SourceNode root, DiagnosticBag diagnostics)
    {
        QuoteScalar(root, "openapi");
        QuoteScalar(root, "swagger");
        if (root.Get("info") is { IsMapping: true } info)
        {
            QuoteScalar(info, "version");
        }

        if (root.GetString("openapi") is not { } version)
        {
            return;
        }

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

        if (root.Get("components")?.Get("schemas") is { IsMapping: true } schemas)
        {
            QualifyDiscriminatorMappings(root, schemas, new HashSet<SourceNode>());
        }
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
    /// only references, so the name becomes one.
    /// </summary>
    private static void QualifyDiscriminatorMappings(SourceNode node, SourceNode schemas, HashSet<SourceNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        if (node.Get("discriminator")?.Get("mapping") is { IsMapping: true } mapping)
        {
            foreach (var member in mapping.Members.ToList())
            {
                if (member.Value is { Kind: SourceNodeKind.String, Scalar: { } name } value
                    && name.IndexOfAny(new[] { '#', '/' }) < 0
                    && schemas.Get(name) is not null)
                {
                    mapping.Set(member.Key, SourceNode.Create(SourceNodeKind.String, value.FilePath, value.Pointer, value.Start, value.End, SourceNode.ChildPointer("#/components/schemas", name)));
                }
            }
        }

        foreach (var child in node.Members.Select(member => member.Value).Concat(node.Items))
        {
            QualifyDiscriminatorMappings(child, schemas, visited);
        }
    }
}
