using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using NJsonSchema;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>
/// Maps NSwag schemas to <see cref="TypeModel"/> values and collects the object schemas that become classes:
/// every object schema under <c>components/schemas</c>, and inline object schemas named after where they occur.
/// </summary>
internal sealed class SchemaMapper
{
    private readonly LocalReferenceResolver _resolver;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameAllocator _typeNames;
    private readonly Dictionary<JsonSchema, PendingClass> _classes = new(ReferenceComparer.Instance);
    private readonly Queue<PendingClass> _pending = new();

    /// <summary>The array schemas whose items are being mapped, to detect an array that contains itself.</summary>
    private readonly HashSet<JsonSchema> _arraysInProgress = new(ReferenceComparer.Instance);

    public SchemaMapper(LocalReferenceResolver resolver, DiagnosticBag diagnostics, IEnumerable<string> reservedTypeNames)
    {
        _resolver = resolver;
        _diagnostics = diagnostics;
        _typeNames = new NameAllocator(reservedTypeNames);
    }

    /// <summary>
    /// Registers the named schemas first, in ordinal order of their keys, so that they get their plain names
    /// and inline schemas get the suffixes when names collide.
    /// </summary>
    public void RegisterNamedSchemas(IDictionary<string, JsonSchema> schemas, string pointerPrefix)
    {
        foreach (var entry in schemas.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var schema = Resolve(entry.Value);
            if (schema is null || _resolver.IsPlaceholder(schema) || !IsClass(schema) || _classes.ContainsKey(schema))
            {
                continue;
            }

            Register(schema, Naming.ToPascalCase(entry.Key), pointerPrefix + EscapePointer(entry.Key));
        }
    }

    /// <summary>
    /// Returns the C# type of a schema. Object schemas that are not yet known are registered as classes named
    /// <paramref name="inlineName"/>; unsupported constructs are reported at <paramref name="pointer"/>.
    /// </summary>
    public TypeModel Map(JsonSchema? schema, string pointer, string inlineName)
    {
        if (schema is null)
        {
            return TypeModel.Of(TypeKind.Json);
        }

        var isNullable = IsNullable(schema);
        var reference = FirstExternalReference(schema);
        if (reference is not null)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.ExternalReference, pointer, reference, pointer);
            return TypeModel.Of(TypeKind.Json, isNullable);
        }

        var actual = Resolve(schema)!;
        if (IsReference(actual))
        {
            // Resolve stops where a chain of references comes back to a schema it has already passed.
            _diagnostics.AddAtPointer(DiagnosticDescriptors.RecursiveSchema, pointer, pointer, "a chain of '$ref' or single-schema 'allOf' that leads back to itself");
            return TypeModel.Of(TypeKind.Json, isNullable);
        }

        isNullable |= IsNullable(actual);
        if (_classes.TryGetValue(actual, out var known))
        {
            return TypeModel.ForModel(known.TypeName, isNullable);
        }

        if (actual.OneOf.Count > 0 || actual.AnyOf.Count > 0)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, actual.OneOf.Count > 0 ? "'oneOf'" : "'anyOf'");
            return TypeModel.Of(TypeKind.Json, isNullable);
        }

        if (IsClass(actual))
        {
            var pending = Register(actual, inlineName, pointer);
            return TypeModel.ForModel(pending.TypeName, isNullable);
        }

        var type = actual.Type & ~JsonObjectType.Null;
        switch (type)
        {
            case JsonObjectType.String:
                return TypeModel.Of(actual.Format is "date-time" ? TypeKind.DateTimeOffset : TypeKind.String, isNullable);
            case JsonObjectType.Integer:
                return TypeModel.Of(actual.Format is "int64" ? TypeKind.Int64 : TypeKind.Int32, isNullable);
            case JsonObjectType.Number:
                return TypeModel.Of(TypeKind.Double, isNullable);
            case JsonObjectType.Boolean:
                return TypeModel.Of(TypeKind.Boolean, isNullable);
            case JsonObjectType.Array:
                var item = actual.Item ?? actual.Items.FirstOrDefault();
                if (actual.Items.Count > 1)
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "tuple 'items'");
                    return TypeModel.Of(TypeKind.Json, isNullable);
                }

                if (!_arraysInProgress.Add(actual))
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.RecursiveSchema, pointer, pointer, "array items that contain the array itself");
                    return TypeModel.Of(TypeKind.Json, isNullable);
                }

                try
                {
                    return TypeModel.ArrayOf(Map(item, pointer + "/items", inlineName + "Item"), isNullable);
                }
                finally
                {
                    _arraysInProgress.Remove(actual);
                }
            case JsonObjectType.Object:
            case JsonObjectType.None:
                if (actual.AdditionalPropertiesSchema is not null && actual.AdditionalPropertiesSchema.Type != JsonObjectType.None)
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "'additionalProperties' (a map)");
                }

                if (actual.AllOf.Count > 1)
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "'allOf' of schemas that are not objects");
                }

                return TypeModel.Of(TypeKind.Json, isNullable);
            default:
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "the types '" + type + "'");
                return TypeModel.Of(TypeKind.Json, isNullable);
        }
    }

    /// <summary>
    /// Builds the properties of every registered class, including classes registered while doing so, and
    /// returns them with their roles.
    /// </summary>
    public IReadOnlyList<(SchemaModel Schema, IReadOnlyCollection<string> ReferencedModels)> CompleteClasses()
    {
        var result = new List<(SchemaModel, IReadOnlyCollection<string>)>();
        while (_pending.Count > 0)
        {
            var pending = _pending.Dequeue();
            var properties = new List<PropertyModel>();
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            var memberNames = new NameAllocator(ReservedMemberNames.Append(pending.TypeName));
            var required = new HashSet<string>(StringComparer.Ordinal);
            var collected = new SortedDictionary<string, JsonSchemaProperty>(StringComparer.Ordinal);
            CollectProperties(pending.Schema, collected, required, new HashSet<JsonSchema>(ReferenceComparer.Instance));

            foreach (var entry in collected)
            {
                var property = entry.Value;
                var pointer = pending.Pointer + "/properties/" + EscapePointer(entry.Key);
                var propertyName = Naming.ToPascalCase(entry.Key);
                var type = Map(property, pointer, pending.TypeName + propertyName);
                AddModelNames(type, referenced);
                properties.Add(new PropertyModel(
                    memberNames.Allocate(propertyName),
                    entry.Key,
                    DescriptionOf(property),
                    type,
                    required.Contains(entry.Key),
                    IsSensitive(property)));
            }

            var description = pending.Schema.Description ?? pending.Schema.Title;
            result.Add((new SchemaModel(pending.TypeName, pending.Pointer, description, SchemaRole.Response, properties.ToEquatableArray()), referenced));
        }

        return result;
    }

    /// <summary>Adds the names of the generated classes that a type uses, through arrays too.</summary>
    public static void AddModelNames(TypeModel? type, ISet<string> names)
    {
        for (var current = type; current is not null; current = current.Item)
        {
            if (current.ModelName is not null)
            {
                names.Add(current.ModelName);
            }
        }
    }

    /// <summary>Returns the description of a property, from the property itself or, for a reference, from its target.</summary>
    public static string? DescriptionOf(JsonSchema schema) =>
        schema.Description ?? schema.Title ?? (schema.HasReference ? schema.Reference?.Description : null);

    private static readonly string[] ReservedMemberNames =
    {
        "JsonConverter", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    private PendingClass Register(JsonSchema schema, string name, string pointer)
    {
        var pending = new PendingClass(schema, _typeNames.Allocate(name), pointer);
        _classes.Add(schema, pending);
        _pending.Enqueue(pending);
        return pending;
    }

    /// <summary>
    /// Follows <c>$ref</c> and unwraps an <c>allOf</c> that holds a single schema and adds nothing else, the
    /// usual way to attach a description to a reference.
    /// </summary>
    private static JsonSchema? Resolve(JsonSchema? schema)
    {
        var visited = new HashSet<JsonSchema>(ReferenceComparer.Instance);
        while (schema is not null && visited.Add(schema))
        {
            if (schema.HasReference && schema.Reference is not null)
            {
                schema = schema.Reference;
            }
            else if (IsSingleAllOf(schema))
            {
                schema = schema.AllOf.First();
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static bool IsSingleAllOf(JsonSchema schema) =>
        schema.AllOf.Count == 1 && schema.Properties.Count == 0 && (schema.Type & ~JsonObjectType.Null) is JsonObjectType.None or JsonObjectType.Object;

    /// <summary>
    /// True for a schema that only points at another one. <see cref="Resolve"/> returns such a schema only when
    /// the references form a cycle that contains no other schema.
    /// </summary>
    private static bool IsReference(JsonSchema schema) =>
        (schema.HasReference && schema.Reference is not null) || IsSingleAllOf(schema);

    /// <summary>An object with properties, or an <c>allOf</c> of several schemas whose properties are merged into one class.</summary>
    private bool IsClass(JsonSchema schema) => IsClass(schema, new HashSet<JsonSchema>(ReferenceComparer.Instance));

    /// <remarks>
    /// A schema met again through <c>allOf</c> (A is <c>allOf: [B, ...]</c> and B is <c>allOf: [A, ...]</c>) counts
    /// as a class: <see cref="CollectProperties"/> merges the properties of the whole cycle into each of them.
    /// </remarks>
    private bool IsClass(JsonSchema schema, HashSet<JsonSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return true;
        }

        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            return false;
        }

        var type = schema.Type & ~JsonObjectType.Null;
        if (type is not (JsonObjectType.None or JsonObjectType.Object))
        {
            return false;
        }

        return schema.Properties.Count > 0
            || (schema.AllOf.Count > 1 && schema.AllOf.All(part => Resolve(part) is { } resolved && !_resolver.IsPlaceholder(resolved) && !IsReference(resolved) && IsClass(resolved, visited)));
    }

    private void CollectProperties(JsonSchema schema, IDictionary<string, JsonSchemaProperty> properties, ISet<string> required, ISet<JsonSchema> visited)
    {
        var actual = Resolve(schema);
        if (actual is null || !visited.Add(actual))
        {
            return;
        }

        foreach (var part in actual.AllOf)
        {
            CollectProperties(part, properties, required, visited);
        }

        foreach (var entry in actual.Properties)
        {
            properties[entry.Key] = entry.Value;
        }

        foreach (var name in actual.RequiredProperties)
        {
            required.Add(name);
        }
    }

    /// <summary>
    /// Returns the file or URL of an external reference that the schema leads to through <c>$ref</c> or a
    /// single-schema <c>allOf</c>, or null when it stays inside the document.
    /// </summary>
    private string? FirstExternalReference(JsonSchema schema)
    {
        var visited = new HashSet<JsonSchema>(ReferenceComparer.Instance);
        var current = schema;
        while (current is not null && visited.Add(current))
        {
            if (current.HasReference)
            {
                if (current.Reference is not null && _resolver.IsPlaceholder(current.Reference))
                {
                    return _resolver.ExternalLocation(current.Reference);
                }

                current = current.Reference;
            }
            else
            {
                current = current.AllOf.Count == 1 ? current.AllOf.First() : null;
            }
        }

        return null;
    }

    private static bool IsNullable(JsonSchema schema) =>
        schema.IsNullableRaw == true
        || (schema.Type & JsonObjectType.Null) != 0
        || (schema.ExtensionData is { } extensions && extensions.TryGetValue("x-nullable", out var value) && IsTrue(value));

    private static bool IsSensitive(JsonSchema property)
    {
        var actual = Resolve(property) ?? property;
        return property.Format is "password"
            || actual.Format is "password"
            || (property.ExtensionData is { } extensions && extensions.TryGetValue("x-sensitive", out var value) && IsTrue(value));
    }

    private static bool IsTrue(object? value) =>
        value is true || (value is string text && text.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Escapes a key for a JSON pointer (RFC 6901).</summary>
    public static string EscapePointer(string key) => key.Replace("~", "~0").Replace("/", "~1");

    private sealed record PendingClass(JsonSchema Schema, string TypeName, string Pointer);

    private sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
