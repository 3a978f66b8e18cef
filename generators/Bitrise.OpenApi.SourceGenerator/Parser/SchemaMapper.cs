using System;
using System.Collections.Generic;
using System.Globalization;
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
    private readonly Dictionary<JsonSchema, PendingType> _classes = new(ReferenceComparer.Instance);
    private readonly Queue<PendingType> _pending = new();

    /// <summary>The key under <c>components/schemas</c> of each named schema, the default discriminator value.</summary>
    private readonly Dictionary<JsonSchema, string> _schemaKeys = new(ReferenceComparer.Instance);

    /// <summary>The variants made for each schema with several types, so that each is mapped once.</summary>
    private readonly Dictionary<JsonSchema, List<JsonSchema>> _typeVariants = new(ReferenceComparer.Instance);

    /// <summary>True while a parameter is mapped: enums then keep their underlying type and no type is generated for them.</summary>
    private bool _isMappingParameter;

    /// <summary>The array and map schemas whose items are being mapped, to detect one that contains itself.</summary>
    private readonly HashSet<JsonSchema> _containersInProgress = new(ReferenceComparer.Instance);

    /// <summary>The property declarations already reported as conflicting with an earlier <c>allOf</c> part.</summary>
    private readonly HashSet<JsonSchema> _reportedConflicts = new(ReferenceComparer.Instance);

    public SchemaMapper(LocalReferenceResolver resolver, DiagnosticBag diagnostics, IEnumerable<string> reservedTypeNames)
    {
        _resolver = resolver;
        _diagnostics = diagnostics;
        _typeNames = new NameAllocator(reservedTypeNames, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reserves a type name that no schema gets, for a type the operations need, such as a result type.</summary>
    public string AllocateTypeName(string name) => _typeNames.Allocate(name);

    /// <summary>
    /// Registers the named schemas first, in ordinal order of their keys, so that they get their plain names
    /// and inline schemas get the suffixes when names collide.
    /// </summary>
    public void RegisterNamedSchemas(IDictionary<string, JsonSchema> schemas, string pointerPrefix)
    {
        foreach (var entry in schemas.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var schema = Resolve(entry.Value);
            if (schema is null || _resolver.IsPlaceholder(schema))
            {
                continue;
            }

            if (!_schemaKeys.ContainsKey(schema))
            {
                _schemaKeys.Add(schema, entry.Key);
            }

            var kind = GeneratedKindOf(schema);
            if (kind is null || _classes.ContainsKey(schema))
            {
                continue;
            }

            Register(schema, kind.Value, Naming.ToPascalCase(entry.Key), pointerPrefix + EscapePointer(entry.Key));
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
        if (_isMappingParameter && IsEnum(actual))
        {
            return TypeModel.Of(UnderlyingKind(actual), isNullable || HasNullMember(actual));
        }

        if (_classes.TryGetValue(actual, out var known))
        {
            return known.ToType(isNullable);
        }

        var nonNullVariant = SingleNonNullVariant(actual);
        if (nonNullVariant is not null)
        {
            // oneOf: [X, {type: 'null'}] is how OpenAPI 3.1 (and some 3.0 documents) express "X or null".
            return Map(nonNullVariant, pointer + (actual.OneOf.Count > 0 ? "/oneOf/" : "/anyOf/") + VariantIndex(actual, nonNullVariant), inlineName) with { IsNullable = true };
        }

        var generatedKind = GeneratedKindOf(actual);
        if (generatedKind is not null)
        {
            if (generatedKind == TypeKind.Union && _isMappingParameter)
            {
                return TypeModel.Of(TypeKind.Json, isNullable);
            }

            var pending = Register(actual, generatedKind.Value, inlineName, pointer);
            return pending.ToType(isNullable || (generatedKind == TypeKind.Enum && HasNullMember(actual)));
        }

        var type = actual.Type & ~JsonObjectType.Null;
        switch (type)
        {
            case JsonObjectType.String:
                var stringKind = StringKind(actual.Format);
                return TypeModel.Of(_isMappingParameter && stringKind is TypeKind.Guid or TypeKind.Bytes ? TypeKind.String : stringKind, isNullable);
            case JsonObjectType.Integer:
                return TypeModel.Of(actual.Format is "int64" ? TypeKind.Int64 : TypeKind.Int32, isNullable);
            case JsonObjectType.Number:
            case JsonObjectType.Integer | JsonObjectType.Number:
                return TypeModel.Of(TypeKind.Double, isNullable);
            case JsonObjectType.Boolean:
                return TypeModel.Of(TypeKind.Boolean, isNullable);
            case JsonObjectType.Array:
                var item = actual.Item ?? actual.Items.FirstOrDefault();
                if (actual.Items.Count > 1)
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "tuple 'items'", JsonElementText);
                    return TypeModel.Of(TypeKind.Json, isNullable);
                }

                if (!_containersInProgress.Add(actual))
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
                    _containersInProgress.Remove(actual);
                }
            case JsonObjectType.Object:
            case JsonObjectType.None:
                if (actual.AdditionalPropertiesSchema is not null)
                {
                    return MapDictionary(actual, pointer, inlineName, isNullable);
                }

                if (actual.AllOf.Count > 1)
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "'allOf' of schemas that are not objects", JsonElementText);
                }

                return TypeModel.Of(TypeKind.Json, isNullable);
            default:
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "the types '" + type + "'", JsonElementText);
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
            if (pending.Kind == TypeKind.Enum)
            {
                result.Add((CompleteEnum(pending), Array.Empty<string>()));
                continue;
            }

            if (pending.Kind == TypeKind.Union)
            {
                result.Add(CompleteUnion(pending));
                continue;
            }

            var properties = new List<PropertyModel>();
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            var memberNames = new NameAllocator(ReservedMemberNames.Append(pending.TypeName));
            var required = new HashSet<string>(StringComparer.Ordinal);
            var collected = new SortedDictionary<string, JsonSchemaProperty>(StringComparer.Ordinal);
            CollectProperties(pending.Schema, collected, required, new HashSet<JsonSchema>(ReferenceComparer.Instance), pending.Pointer, pending.Pointer);

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
                    IsSensitive(property),
                    property.IsReadOnly,
                    property.IsWriteOnly));
            }

            if (pending.Schema.AdditionalPropertiesSchema is null)
            {
                ReportMissingRequired(pending.Schema, pending.Pointer, collected);
            }

            if (pending.Schema.OneOf.Count > 0 || pending.Schema.AnyOf.Count > 0)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pending.Pointer, pending.Pointer, pending.Schema.OneOf.Count > 0 ? "'oneOf' beside 'properties'" : "'anyOf' beside 'properties'", "a class of the listed properties that ignores the variants");
            }

            // The extra members get a property of their own, named after the schema's properties so that those keep their names.
            PropertyModel? additional = null;
            if (pending.Schema.AdditionalPropertiesSchema is { } valueSchema)
            {
                var valueType = Map(valueSchema, pending.Pointer + "/additionalProperties", pending.TypeName + "Value");
                AddModelNames(valueType, referenced);
                additional = new PropertyModel(memberNames.Allocate("AdditionalProperties"), string.Empty, null, TypeModel.MapOf(valueType), IsRequired: false, IsSensitive: false);
            }

            // The properties stay merged here. InheritanceResolver keeps only the schema's own ones once the roles
            // are known, so the base is no reference of its own and a derived class never changes the base's role.
            var baseTypeName = additional is null ? BaseCandidate(pending.Schema) : null;

            var description = pending.Schema.Description ?? pending.Schema.Title;
            var (discriminatorProperty, discriminatorValues) = ClassDiscriminator(pending.Schema);
            result.Add((new SchemaModel(pending.TypeName, pending.Pointer, description, SchemaRole.Response, properties.ToEquatableArray(), AdditionalProperties: additional, BaseTypeName: baseTypeName, DiscriminatorProperty: discriminatorProperty, DiscriminatorValues: discriminatorValues), referenced));
        }

        return result;
    }

    /// <summary>
    /// Returns the class a named schema can derive from: its <c>allOf</c> has exactly one <c>$ref</c>, to another
    /// named class without <c>additionalProperties</c> that does not lead back to the schema through <c>allOf</c>,
    /// and its other parts are inline objects of plain properties. Returns null for every other schema, which
    /// keeps one class of the merged properties.
    /// </summary>
    private string? BaseCandidate(JsonSchema schema)
    {
        if (!_schemaKeys.ContainsKey(schema) || schema.AllOf.Count == 0 || schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            return null;
        }

        var references = schema.AllOf.Where(part => part.HasReference).ToList();
        if (references.Count != 1 || !schema.AllOf.Where(part => !part.HasReference).All(IsPlainObjectPart))
        {
            return null;
        }

        var baseSchema = Resolve(references[0]);
        if (baseSchema is null
            || ReferenceEquals(baseSchema, schema)
            || !_schemaKeys.ContainsKey(baseSchema)
            || baseSchema.AdditionalPropertiesSchema is not null
            || !_classes.TryGetValue(baseSchema, out var basePending)
            || basePending.Kind != TypeKind.Model)
        {
            return null;
        }

        var reached = new HashSet<JsonSchema>(ReferenceComparer.Instance);
        CollectProperties(baseSchema, new Dictionary<string, JsonSchemaProperty>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), reached);
        return reached.Contains(schema) ? null : basePending.TypeName;
    }

    /// <summary>
    /// Returns the discriminator that a class or the first base up its chain of single <c>allOf</c> references
    /// declares, with the values that stand for the class, so that a derived object is written with its own value.
    /// </summary>
    private (string? Property, EquatableArray<string> Values) ClassDiscriminator(JsonSchema schema)
    {
        var visited = new HashSet<JsonSchema>(ReferenceComparer.Instance);
        var current = schema;
        while (current is not null && visited.Add(current))
        {
            if (current.DiscriminatorObject is { PropertyName: { Length: > 0 } propertyName } discriminator)
            {
                var values = DiscriminatorValues(discriminator, schema).OrderBy(value => value, StringComparer.Ordinal).ToEquatableArray();
                return values.Count == 0 ? (null, default) : (propertyName, values);
            }

            var references = current.AllOf.Where(part => part.HasReference).ToList();
            current = references.Count == 1 ? Resolve(references[0]) : null;
        }

        return (null, default);
    }

    /// <summary>True for an inline <c>allOf</c> part that only lists properties (and which of them are required).</summary>
    private static bool IsPlainObjectPart(JsonSchema part) =>
        (part.Type & ~JsonObjectType.Null) is JsonObjectType.None or JsonObjectType.Object
        && part.AllOf.Count == 0
        && part.OneOf.Count == 0
        && part.AnyOf.Count == 0
        && part.Enumeration.Count == 0
        && part.AdditionalPropertiesSchema is null
        && part.Item is null
        && part.Items.Count == 0;

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

    private const string JsonElementText = "the type JsonElement, which keeps the JSON as it is,";

    private static readonly string[] ReservedMemberNames = [.. TypeNameChecker.ObjectMemberNames, "JsonConverter"];

    /// <summary>
    /// Returns the type of a parameter: like <see cref="Map"/>, except that an enum keeps its underlying
    /// <c>string</c> or integer type, and a union or a map becomes <c>JsonElement</c>, because the client formats
    /// parameters as text.
    /// </summary>
    public TypeModel MapParameter(JsonSchema? schema, string pointer, string inlineName)
    {
        _isMappingParameter = true;
        try
        {
            return Map(schema, pointer, inlineName);
        }
        finally
        {
            _isMappingParameter = false;
        }
    }

    /// <summary>Returns the kind of generated type a schema needs: a class, an open enum, a union, or none.</summary>
    private TypeKind? GeneratedKindOf(JsonSchema schema)
    {
        if (IsEnum(schema))
        {
            return TypeKind.Enum;
        }

        if (IsClass(schema))
        {
            return TypeKind.Model;
        }

        if (HasSeveralTypes(schema) && schema.Properties.Count == 0 && schema.AllOf.Count == 0)
        {
            return TypeKind.Union;
        }

        return (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && SingleNonNullVariant(schema) is null ? TypeKind.Union : null;
    }

    /// <summary>True for a string or integer schema with <c>enum</c> values other than <c>null</c>.</summary>
    private static bool IsEnum(JsonSchema schema)
    {
        var type = schema.Type & ~JsonObjectType.Null;
        var values = schema.Enumeration.Where(value => value is not null).ToList();
        return values.Count > 0
            && (type is JsonObjectType.String or JsonObjectType.Integer || (type == JsonObjectType.None && values.All(value => value is string)));
    }

    private static bool HasNullMember(JsonSchema schema) => schema.Enumeration.Any(value => value is null);

    private static TypeKind UnderlyingKind(JsonSchema schema)
    {
        if ((schema.Type & JsonObjectType.Integer) == 0)
        {
            return TypeKind.String;
        }

        return schema.Format is "int64" ? TypeKind.Int64 : TypeKind.Int32;
    }

    private static TypeKind StringKind(string? format) =>
        format switch
        {
            "date-time" => TypeKind.DateTimeOffset,
            "date" => TypeKind.Date,
            "uuid" => TypeKind.Guid,
            "byte" => TypeKind.Bytes,
            _ => TypeKind.String,
        };

    private IReadOnlyList<JsonSchema> VariantsOf(JsonSchema schema)
    {
        if (schema.OneOf.Count > 0 || schema.AnyOf.Count > 0)
        {
            return schema.OneOf.Count > 0 ? schema.OneOf.ToList() : schema.AnyOf.ToList();
        }

        if (!_typeVariants.TryGetValue(schema, out var variants))
        {
            // type: [string, array] is a union of one schema per type, in a fixed order that tries objects last.
            variants = TypeVariantOrder
                .Where(type => (schema.Type & type) != 0)
                .Select(type => new JsonSchema { Type = type, Format = type == JsonObjectType.String ? schema.Format : null, Item = type == JsonObjectType.Array ? schema.Item : null })
                .ToList();
            _typeVariants.Add(schema, variants);
        }

        return variants;
    }

    private static readonly JsonObjectType[] TypeVariantOrder =
    {
        JsonObjectType.Boolean, JsonObjectType.Integer, JsonObjectType.Number, JsonObjectType.String, JsonObjectType.Array, JsonObjectType.Object,
    };

    /// <summary>True for a schema with several types other than <c>null</c>, such as <c>type: [string, integer]</c>.</summary>
    private static bool HasSeveralTypes(JsonSchema schema) =>
        TypeVariantOrder.Count(type => (schema.Type & type) != 0) > 1
        && schema.Type != (JsonObjectType.Integer | JsonObjectType.Number)
        && schema.Type != (JsonObjectType.Integer | JsonObjectType.Number | JsonObjectType.Null);

    private int VariantIndex(JsonSchema schema, JsonSchema variant) =>
        VariantsOf(schema).Select((candidate, index) => (candidate, index)).First(entry => ReferenceEquals(entry.candidate, variant)).index;

    /// <summary>
    /// Returns the one variant of a <c>oneOf</c> or <c>anyOf</c> without properties of its own that is not
    /// <c>type: 'null'</c>, when there is exactly one; null otherwise.
    /// </summary>
    private JsonSchema? SingleNonNullVariant(JsonSchema schema)
    {
        if (schema.Properties.Count > 0 || (schema.OneOf.Count > 0 && schema.AnyOf.Count > 0) || (schema.OneOf.Count == 0 && schema.AnyOf.Count == 0))
        {
            return null;
        }

        var variants = VariantsOf(schema).Where(variant => !IsNullOnly(Resolve(variant) ?? variant)).ToList();
        return variants.Count == 1 ? variants[0] : null;
    }

    private static bool IsNullOnly(JsonSchema schema) =>
        schema.Type == JsonObjectType.Null || (schema.Enumeration.Count > 0 && schema.Enumeration.All(value => value is null));

    private TypeModel MapDictionary(JsonSchema schema, string pointer, string inlineName, bool isNullable)
    {
        if (_isMappingParameter)
        {
            return TypeModel.Of(TypeKind.Json, isNullable);
        }

        if (!_containersInProgress.Add(schema))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.RecursiveSchema, pointer, pointer, "map values that contain the map itself");
            return TypeModel.Of(TypeKind.Json, isNullable);
        }

        try
        {
            return TypeModel.MapOf(Map(schema.AdditionalPropertiesSchema, pointer + "/additionalProperties", inlineName + "Value"), isNullable);
        }
        finally
        {
            _containersInProgress.Remove(schema);
        }
    }

    private SchemaModel CompleteEnum(PendingType pending)
    {
        var schema = pending.Schema;
        var isInteger = (schema.Type & JsonObjectType.Integer) != 0;
        var values = new SortedSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var documentNames = DocumentEnumNames(pending);
        var index = 0;
        foreach (var raw in schema.Enumeration)
        {
            var value = EnumValueText(raw, isInteger);
            ReportUnfitEnumValue(raw, value, isInteger, pending.Pointer + "/enum/" + index.ToString(CultureInfo.InvariantCulture));
            if (value is not null && values.Add(value) && documentNames.Count == schema.Enumeration.Count && documentNames[index].Length > 0)
            {
                names[value] = documentNames[index];
            }

            index++;
        }

        var memberNames = new NameAllocator(EnumReservedNames.Append(pending.TypeName));
        var members = values
            .Select(value => new EnumMemberModel(memberNames.Allocate(Naming.ToEnumMemberName(names.TryGetValue(value, out var name) ? name : value)), value))
            .ToEquatableArray();
        var description = schema.Description ?? schema.Title;
        return new SchemaModel(pending.TypeName, pending.Pointer, description, SchemaRole.Response, EquatableArray<PropertyModel>.Empty, SchemaKind.Enum, Enum: new EnumModel(isInteger, members));
    }

    /// <summary>
    /// Returns the member names that the schema lists one per value in <c>x-enum-varnames</c>, <c>x-enumNames</c>
    /// or <c>x-enum-names</c>, the first of them it has. A list whose length differs from the values is reported
    /// and ignored, so the names are derived from the values.
    /// </summary>
    private List<string> DocumentEnumNames(PendingType pending)
    {
        var schemaNode = _diagnostics.NodeAt(pending.Pointer);
        var key = EnumNameKeys.FirstOrDefault(candidate => schemaNode?.Get(candidate) is { Kind: SourceNodeKind.Sequence });
        if (key is null)
        {
            return new List<string>();
        }

        var names = schemaNode!.Get(key)!.Items.Select(item => item.Scalar ?? string.Empty).ToList();
        if (names.Count != pending.Schema.Enumeration.Count)
        {
            _diagnostics.AddAtPointer(
                DiagnosticDescriptors.EnumNamesCountMismatch,
                pending.Pointer + "/" + key,
                key,
                names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                pending.Schema.Enumeration.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new List<string>();
        }

        return names;
    }

    /// <summary>
    /// Reports an enum value that the generated enum cannot read back. In an integer enum, a number that is not a
    /// 64-bit integer gets no member. In a string enum, the member of a number or boolean matches only the JSON
    /// string of its text.
    /// </summary>
    private void ReportUnfitEnumValue(object? raw, string? value, bool isInteger, string pointer)
    {
        if (raw is null || raw is string && !isInteger)
        {
            return;
        }

        var json = EnumValueText(raw, isInteger: false) ?? string.Empty;
        if (raw is string)
        {
            json = "\"" + json + "\"";
        }

        if (isInteger && value is null)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnfitEnumValue, pointer, json, "a 64-bit integer", "the enum has no member for it and reading it fails");
        }
        else if (!isInteger)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnfitEnumValue, pointer, json, "a string", "its member matches only the JSON string \"" + value + "\" and reading " + json + " fails");
        }
    }

    /// <summary>Returns an enum value as text: a string as it is, an integer in invariant digits; null for <c>null</c> or a value the type cannot hold.</summary>
    private static string? EnumValueText(object? raw, bool isInteger)
    {
        var text = raw switch
        {
            null => null,
            string value => value,
            bool value => value ? "true" : "false",
            IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => raw.ToString(),
        };
        if (!isInteger || text is null)
        {
            return text;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private (SchemaModel, IReadOnlyCollection<string>) CompleteUnion(PendingType pending)
    {
        var schema = pending.Schema;
        var keyword = "type";
        if (schema.OneOf.Count > 0)
        {
            keyword = "oneOf";
        }
        else if (schema.AnyOf.Count > 0)
        {
            keyword = "anyOf";
        }

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var memberNames = new NameAllocator(UnionReservedNames.Append(pending.TypeName));
        var discriminator = schema.DiscriminatorObject;
        var variants = new List<UnionVariantModel>();
        var takenValues = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var variant in VariantsOf(schema))
        {
            var pointer = pending.Pointer + "/" + keyword + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
            var actual = Resolve(variant) ?? variant;
            if (IsNullOnly(actual))
            {
                continue;
            }

            var type = Map(variant, pointer, pending.TypeName + "Variant" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { IsNullable = false };
            AddModelNames(type, referenced);

            var required = new HashSet<string>(StringComparer.Ordinal);
            CollectProperties(actual, new SortedDictionary<string, JsonSchemaProperty>(StringComparer.Ordinal), required, new HashSet<JsonSchema>(ReferenceComparer.Instance));
            // A discriminator value that two variants claim selects the first of them.
            var values = discriminator is null ? Enumerable.Empty<string>() : DiscriminatorValues(discriminator, actual).Where(takenValues.Add).ToList();
            // Each variant also names the factory From{Variant}, which must not clash with another member or the union itself.
            var variantName = memberNames.Allocate(VariantName(type), candidate => !memberNames.IsUsed(FactoryPrefix + candidate));
            memberNames.Allocate(FactoryPrefix + variantName);
            variants.Add(new UnionVariantModel(
                variantName,
                type,
                type.Kind == TypeKind.Json && (actual.Type & JsonObjectType.Object) != 0 ? UnionJsonKind.Object : JsonKindOf(type),
                values.OrderBy(value => value, StringComparer.Ordinal).ToEquatableArray(),
                required.OrderBy(name => name, StringComparer.Ordinal).ToEquatableArray()));
        }

        var description = schema.Description ?? schema.Title;
        var union = new UnionModel(discriminator?.PropertyName, variants.ToEquatableArray());
        return (new SchemaModel(pending.TypeName, pending.Pointer, description, SchemaRole.Response, EquatableArray<PropertyModel>.Empty, SchemaKind.Union, Union: union), referenced);
    }

    /// <summary>
    /// Returns the discriminator values of a variant: the keys of <c>mapping</c> that point at it, or else the
    /// name of its schema under <c>components/schemas</c>, as OpenAPI 3 defines.
    /// </summary>
    private IEnumerable<string> DiscriminatorValues(OpenApiDiscriminator discriminator, JsonSchema variant)
    {
        var mapped = discriminator.Mapping
            .Where(entry => ReferenceEquals(Resolve(entry.Value), variant))
            .Select(entry => entry.Key)
            .ToList();
        if (mapped.Count > 0)
        {
            return mapped;
        }

        return _schemaKeys.TryGetValue(variant, out var key) ? new[] { key } : Enumerable.Empty<string>();
    }

    /// <summary>Names a variant after its generated type, or after its kind for a built-in type.</summary>
    private static string VariantName(TypeModel type) =>
        type.Kind switch
        {
            TypeKind.Model or TypeKind.Enum or TypeKind.Union => type.ModelName!,
            TypeKind.Array => VariantName(type.Item!) + "List",
            TypeKind.Map => VariantName(type.Item!) + "Map",
            TypeKind.Json => "Value",
            _ => type.Kind.ToString(),
        };

    private UnionJsonKind JsonKindOf(TypeModel type) =>
        type.Kind switch
        {
            TypeKind.Model or TypeKind.Map => UnionJsonKind.Object,
            TypeKind.Array => UnionJsonKind.Array,
            TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid or TypeKind.Bytes => UnionJsonKind.String,
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => UnionJsonKind.Number,
            TypeKind.Boolean => UnionJsonKind.Boolean,
            TypeKind.Enum => _classes.Values.First(pending => pending.TypeName == type.ModelName).Schema.Type.HasFlag(JsonObjectType.Integer) ? UnionJsonKind.Number : UnionJsonKind.String,
            _ => UnionJsonKind.Any,
        };

    /// <summary>The extensions that name enum members, in the order they are looked for: OpenAPI Generator's, then NSwag's two spellings.</summary>
    private static readonly string[] EnumNameKeys = { "x-enum-varnames", "x-enumNames", "x-enum-names" };

    /// <summary>The members that an enum struct declares beside one static property per value.</summary>
    private static readonly string[] EnumMemberNames = ["Value", "IsKnown"];

    /// <summary>The start of the name of a union's factory for a variant, such as <c>FromCat</c>.</summary>
    private const string FactoryPrefix = "From";

    /// <summary>The member that a union declares beside one property and one <c>From…</c> factory per variant.</summary>
    private static readonly string[] UnionMemberNames = ["Json"];

    private static readonly string[] EnumReservedNames = [.. EnumMemberNames, .. ReservedMemberNames];

    private static readonly string[] UnionReservedNames = [.. UnionMemberNames, .. ReservedMemberNames];

    private PendingType Register(JsonSchema schema, TypeKind kind, string name, string pointer)
    {
        // A type cannot declare a member of its own name (CS0542), so an enum named Value or a union named Json
        // gets a number. The object members, which every type inherits, are among the reserved names for all types.
        var declaredMembers = kind switch
        {
            TypeKind.Enum => EnumMemberNames,
            TypeKind.Union => UnionMemberNames,
            _ => [],
        };
        var typeName = _typeNames.Allocate(name, candidate => Array.IndexOf(declaredMembers, candidate) < 0);
        var pending = new PendingType(schema, kind, typeName, pointer);
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
                schema = SubstantiveParts(schema).First();
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static bool IsSingleAllOf(JsonSchema schema) =>
        schema.AllOf.Count > 0
        && SubstantiveParts(schema).Count() == 1
        && schema.Properties.Count == 0
        && (schema.Type & ~JsonObjectType.Null) is JsonObjectType.None or JsonObjectType.Object;

    /// <summary>
    /// Returns the <c>allOf</c> parts that constrain the value. Parts that only annotate it (a <c>description</c>,
    /// an <c>example</c>, <c>nullable</c>, or a bare <c>type: object</c>) are left out, because documents add them
    /// beside a <c>$ref</c> to describe it.
    /// </summary>
    private static IEnumerable<JsonSchema> SubstantiveParts(JsonSchema schema) =>
        schema.AllOf.Where(part => !IsAnnotationOnly(part));

    private static bool IsAnnotationOnly(JsonSchema part) =>
        !part.HasReference && part.Properties.Count == 0 && IsPlainObjectPart(part);

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

        if ((schema.OneOf.Count > 0 || schema.AnyOf.Count > 0) && schema.Properties.Count == 0)
        {
            return false;
        }

        var type = schema.Type & ~JsonObjectType.Null;
        if (type is not (JsonObjectType.None or JsonObjectType.Object))
        {
            return false;
        }

        return schema.Properties.Count > 0
            || (schema.AllOf.Count > 1 && SubstantiveParts(schema).Any() && SubstantiveParts(schema).All(part => Resolve(part) is { } resolved && !_resolver.IsPlaceholder(resolved) && !IsReference(resolved) && IsClass(resolved, visited)));
    }

    /// <summary>
    /// Merges the properties of a schema and of its <c>allOf</c> parts, where a later part wins. With the
    /// pointers of the class and of <paramref name="schema"/>, a property that a later part declares with another
    /// type is reported there.
    /// </summary>
    private void CollectProperties(JsonSchema schema, IDictionary<string, JsonSchemaProperty> properties, ISet<string> required, ISet<JsonSchema> visited, string? classPointer = null, string? pointer = null)
    {
        var actual = Resolve(schema);
        if (actual is null || !visited.Add(actual))
        {
            return;
        }

        var index = 0;
        foreach (var part in actual.AllOf)
        {
            var partPointer = pointer is null ? null : pointer + "/allOf/" + index.ToString(CultureInfo.InvariantCulture);
            CollectProperties(part, properties, required, visited, classPointer, partPointer);
            index++;
        }

        foreach (var entry in actual.Properties)
        {
            if (classPointer is not null && pointer is not null && properties.TryGetValue(entry.Key, out var earlier))
            {
                ReportConflict(earlier, entry.Value, classPointer, pointer + "/properties/" + EscapePointer(entry.Key), entry.Key);
            }

            properties[entry.Key] = entry.Value;
        }

        foreach (var name in actual.RequiredProperties)
        {
            required.Add(name);
        }
    }

    /// <summary>
    /// Reports each name in the <c>required</c> list of a class schema, or of one of its inline <c>allOf</c>
    /// parts, that no merged property declares, because the class has no member to send or read it with. A
    /// referenced part is left to the class that it generates, so each entry is reported once.
    /// </summary>
    private void ReportMissingRequired(JsonSchema schema, string pointer, IDictionary<string, JsonSchemaProperty> properties)
    {
        var index = 0;
        foreach (var name in schema.RequiredProperties)
        {
            if (!properties.ContainsKey(name) && !DerivedClassDeclares(schema, name))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.MissingRequiredProperty, pointer + "/required/" + index.ToString(CultureInfo.InvariantCulture), name, pointer);
            }

            index++;
        }

        var partIndex = 0;
        foreach (var part in schema.AllOf)
        {
            if (!part.HasReference)
            {
                ReportMissingRequired(part, pointer + "/allOf/" + partIndex.ToString(CultureInfo.InvariantCulture), properties);
            }

            partIndex++;
        }
    }

    /// <summary>
    /// True when a class that extends <paramref name="schema"/> through an <c>allOf</c> reference declares the
    /// property, because a base schema may list in <c>required</c> what each of its derived schemas adds.
    /// </summary>
    private bool DerivedClassDeclares(JsonSchema schema, string name)
    {
        foreach (var candidate in _classes.Keys)
        {
            if (!candidate.AllOf.Any(part => part.HasReference && ReferenceEquals(Resolve(part), schema)))
            {
                continue;
            }

            var properties = new Dictionary<string, JsonSchemaProperty>(StringComparer.Ordinal);
            CollectProperties(candidate, properties, new HashSet<string>(StringComparer.Ordinal), new HashSet<JsonSchema>(ReferenceComparer.Instance));
            if (properties.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports a property that a later <c>allOf</c> part declares with another type, once for each such declaration.</summary>
    private void ReportConflict(JsonSchema earlier, JsonSchema later, string classPointer, string pointer, string name)
    {
        var earlierType = DescribeType(earlier, 0);
        var laterType = DescribeType(later, 0);
        if (earlierType is null || laterType is null || earlierType == laterType || Narrows(earlier, later, 0) || !_reportedConflicts.Add(later))
        {
            return;
        }

        _diagnostics.AddAtPointer(DiagnosticDescriptors.ConflictingAllOfProperty, pointer, classPointer, name, earlierType, laterType);
    }

    /// <summary>
    /// True when one declaration only narrows the other: a bare <c>type: object</c> beside an object with
    /// properties, such as a generic wrapper's <c>data</c> items that a part declares as a named schema, or an
    /// array whose items narrow that way.
    /// </summary>
    private static bool Narrows(JsonSchema first, JsonSchema second, int depth)
    {
        var firstActual = Resolve(first) ?? first;
        var secondActual = Resolve(second) ?? second;
        var firstType = firstActual.Type & ~JsonObjectType.Null;
        var secondType = secondActual.Type & ~JsonObjectType.Null;
        if (firstType == JsonObjectType.Array && secondType == JsonObjectType.Array)
        {
            var firstItem = firstActual.Item ?? firstActual.Items.FirstOrDefault();
            var secondItem = secondActual.Item ?? secondActual.Items.FirstOrDefault();
            return firstItem is null || secondItem is null || (depth < 4 && Narrows(firstItem, secondItem, depth + 1));
        }

        return (IsBareObject(firstActual) && IsObjectLike(secondActual)) || (IsBareObject(secondActual) && IsObjectLike(firstActual));
    }

    private static bool IsBareObject(JsonSchema schema) =>
        (schema.Type & ~JsonObjectType.Null) == JsonObjectType.Object && schema.Properties.Count == 0 && IsPlainObjectPart(schema);

    private static bool IsObjectLike(JsonSchema schema) =>
        (schema.Type & ~JsonObjectType.Null) is JsonObjectType.Object or JsonObjectType.None && !IsEnum(schema);

    /// <summary>
    /// Describes the type of a property for a message, such as <c>a string (uuid)</c> or <c>the schema 'Pet'</c>.
    /// Returns null for a schema without a type, which conflicts with no other declaration.
    /// </summary>
    private string? DescribeType(JsonSchema schema, int depth)
    {
        // A named schema that generates no type of its own, such as a string with a format, is described by its type.
        var actual = Resolve(schema) ?? schema;
        if (_schemaKeys.TryGetValue(actual, out var key) && GeneratedKindOf(actual) is not null)
        {
            return "the schema '" + key + "'";
        }

        var type = actual.Type & ~JsonObjectType.Null;
        if (type == JsonObjectType.Array)
        {
            var item = actual.Item ?? actual.Items.FirstOrDefault();
            var itemType = item is null || depth > 3 ? null : DescribeType(item, depth + 1);
            return itemType is null ? "an array" : "an array of " + itemType;
        }

        if (type == JsonObjectType.None)
        {
            return actual.Properties.Count > 0 || actual.AllOf.Count > 0 ? "an object" : null;
        }

        var name = type.ToString().ToLowerInvariant();
        var article = name.StartsWith("i", StringComparison.Ordinal) || name.StartsWith("o", StringComparison.Ordinal) ? "an " : "a ";
        return article + name + (string.IsNullOrEmpty(actual.Format) ? string.Empty : " (" + actual.Format + ")");
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
                current = IsSingleAllOf(current) ? SubstantiveParts(current).First() : null;
            }
        }

        return null;
    }

    private static bool IsNullable(JsonSchema schema) =>
        schema.AllOf.Any(part => IsAnnotationOnly(part) && IsNullable(part))
        || schema.IsNullableRaw == true
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

    private sealed record PendingType(JsonSchema Schema, TypeKind Kind, string TypeName, string Pointer)
    {
        public TypeModel ToType(bool isNullable) => new(Kind, TypeName, null, isNullable);
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
