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
internal sealed class LocalReferenceResolver : JsonReferenceResolver
{
    private readonly HashSet<JsonSchema> _placeholders = new(ReferenceEqualityComparer.Instance);

    public LocalReferenceResolver(JsonSchemaAppender schemaAppender)
        : base(schemaAppender)
    {
    }

    /// <summary>Returns true when the schema stands for an external reference that was not loaded.</summary>
    public bool IsPlaceholder(JsonSchema schema) => _placeholders.Contains(schema);

    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken) =>
        Task.FromResult<IJsonReference>(CreatePlaceholder());

    public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken) =>
        Task.FromResult<IJsonReference>(CreatePlaceholder());

    /// <summary>Keeps the reference as written instead of combining it with the document's directory through System.IO.</summary>
    public override string ResolveFilePath(string documentPath, string jsonPath) => jsonPath;

    /// <summary>A pointer into a placeholder (<c>other.yaml#/Pet</c>) resolves to the placeholder itself.</summary>
    public override IJsonReference ResolveDocumentReference(object rootObject, string jsonPath, Type targetType, IContractResolver contractResolver) =>
        rootObject is JsonSchema schema && _placeholders.Contains(schema)
            ? schema
            : base.ResolveDocumentReference(rootObject, jsonPath, targetType, contractResolver);

    private JsonSchema CreatePlaceholder()
    {
        var placeholder = new JsonSchema();
        _placeholders.Add(placeholder);
        return placeholder;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
