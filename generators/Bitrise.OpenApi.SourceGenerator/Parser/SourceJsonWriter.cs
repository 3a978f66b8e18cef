using System;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Writes a <see cref="SourceNode"/> tree as the JSON text that NSwag loads.</summary>
internal static class SourceJsonWriter
{
    /// <summary>
    /// The maximum number of nodes written. YAML aliases share nodes, so a small file can stand for an exponentially large
    /// document. The largest fixture, Stripe's 2022 specification, has about 80,000 nodes.
    /// </summary>
    public const int MaxNodes = 2_000_000;

    /// <exception cref="DocumentTooLargeException">The document expands to more than <see cref="MaxNodes"/> nodes.</exception>
    public static string Write(SourceNode root)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var writer = new JsonTextWriter(text);
        var count = 0;
        Write(writer, root, ref count);
        writer.Flush();
        return text.ToString();
    }

    private static void Write(JsonTextWriter writer, SourceNode node, ref int count)
    {
        if (++count > MaxNodes)
        {
            throw new DocumentTooLargeException(node);
        }

        switch (node.Kind)
        {
            case SourceNodeKind.Mapping:
                writer.WriteStartObject();
                foreach (var member in node.Members)
                {
                    writer.WritePropertyName(member.Key);
                    Write(writer, member.Value, ref count);
                }

                writer.WriteEndObject();
                break;
            case SourceNodeKind.Sequence:
                writer.WriteStartArray();
                foreach (var item in node.Items)
                {
                    Write(writer, item, ref count);
                }

                writer.WriteEndArray();
                break;
            case SourceNodeKind.String:
                writer.WriteValue(node.Scalar);
                break;
            case SourceNodeKind.Number or SourceNodeKind.Boolean:
                writer.WriteRawValue(node.Scalar);
                break;
            default:
                writer.WriteNull();
                break;
        }
    }
}

/// <summary>The document expands to more nodes than the generator writes; <see cref="Node"/> is where it stopped.</summary>
internal sealed class DocumentTooLargeException : Exception
{
    public DocumentTooLargeException(SourceNode node)
    {
        Node = node;
    }

    public SourceNode Node { get; }
}
