using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.References;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Resolves <c>$ref</c> inside the document and never reads a file or a URL: the generator runs inside the
/// compiler, where I/O makes builds slow and unreproducible. An external reference resolves to an empty
/// placeholder schema that the schema mapper reports and types as <c>JsonElement</c>.
/// </summary>
/// <remarks>
/// NJsonSchema (11.x) probes the file system (<c>Directory.Exists</c>, <c>File.Exists</c>) before it calls
/// <see cref="ResolveFileReferenceAsync"/>, in a method that cannot be overridden. The parser therefore
/// gives NSwag <see cref="DocumentBaseUri"/> as the document path: relative references then resolve as
/// URLs, and only <see cref="ResolveUrlReferenceAsync"/> receives them.
/// </remarks>
internal sealed class LocalReferenceResolver : JsonReferenceResolver
{
    /// <summary>The document path given to NSwag: a URL under a reserved domain that no request is ever sent to.</summary>
    public const string DocumentBaseUri = "https://openapi-document.invalid/";

    private readonly Dictionary<JsonSchema, string> _placeholders = new(ReferenceEqualityComparer.Instance);

    public LocalReferenceResolver(JsonSchemaAppender schemaAppender)
        : base(schemaAppender)
    {
    }

    /// <summary>Returns true when the schema stands for an external reference that was not loaded.</summary>
    public bool IsPlaceholder(JsonSchema schema) => _placeholders.ContainsKey(schema);

    /// <summary>Returns the file or URL that a placeholder stands for, relative as the document wrote it.</summary>
    public string ExternalLocation(JsonSchema placeholder)
    {
        var location = _placeholders[placeholder];
        return location.StartsWith(DocumentBaseUri, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(location.Substring(DocumentBaseUri.Length))
            : location;
    }

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken) =>
        Task.FromResult<IJsonReference>(CreatePlaceholder(filePath));

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult<IJsonReference>(CreatePlaceholder(url));

    /// <summary>A pointer into a placeholder (<c>other.yaml#/Pet</c>) resolves to the placeholder itself.</summary>
    public override IJsonReference ResolveDocumentReference(object rootObject, string jsonPath, Type targetType, IContractResolver contractResolver) =>
        rootObject is JsonSchema schema && _placeholders.ContainsKey(schema)
            ? schema
            : base.ResolveDocumentReference(rootObject, jsonPath, targetType, contractResolver);

    private JsonSchema CreatePlaceholder(string location)
    {
        var placeholder = new JsonSchema();
        _placeholders.Add(placeholder, location);
        return placeholder;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
