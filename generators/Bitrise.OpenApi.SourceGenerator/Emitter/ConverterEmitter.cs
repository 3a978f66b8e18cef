using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Emits the <c>JsonConverter&lt;T&gt;</c> nested in a model class: a <c>Utf8JsonReader</c> loop that skips
/// unknown properties, and a writer that leaves out unset <c>Optional&lt;T&gt;</c> values and absent optional
/// response values.
/// </summary>
internal static class ConverterEmitter
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    public static void Emit(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        var type = OpenConverterClass(writer, context, schema);
        EmitRead(writer, context, schema, type);
        writer.Line();
        EmitWrite(writer, context, schema, type);
        writer.CloseBlock();
    }

    /// <summary>Opens the nested <c>JsonConverter</c> class of a generated type and writes its <c>Instance</c>; returns the qualified type name.</summary>
    public static string OpenConverterClass(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        var type = context.Qualified(schema.TypeName);
        writer.Summary("Reads and writes <see cref=\"" + schema.TypeName + "\"/> without reflection.", isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        // A derived class's converter hides the one its base class declares.
        var hides = schema.BaseTypeName is null ? string.Empty : "new ";
        writer.OpenBlock("internal " + hides + "sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");
        writer.Line("public static JsonConverter Instance { get; } = new JsonConverter();");
        writer.Line();
        return type;
    }

    private static void EmitRead(SourceWriter writer, EmitContext context, SchemaModel schema, string type)
    {
        writer.OpenBlock("public override " + type + " Read(ref " + Reader + " reader, global::System.Type typeToConvert, " + Options + " options)");
        writer.Line(context.Json + ".ExpectStartObject(ref reader, " + SourceWriter.Literal(schema.TypeName) + ");");
        EmitDerivedReads(writer, context, schema);
        foreach (var property in schema.Properties)
        {
            var localType = ModelEmitter.IsOptional(schema, property)
                ? ModelEmitter.PropertyType(context, schema, property)
                : TypeSyntax.Nullable(property.Type, context.Namespace);
            writer.Line(localType + " " + Local(property) + " = default;");
            if (TracksPresence(schema, property))
            {
                writer.Line("var " + Seen(property) + " = false;");
            }
        }

        var extra = schema.AdditionalProperties;
        if (extra is not null)
        {
            writer.Line("global::System.Collections.Generic.Dictionary<string, " + ItemType(context, extra.Type.Item!) + ">? additionalMembers = null;");
        }

        writer.Line();

        // The member being read, which a failure adds to the JSON path of its exception.
        writer.Line("string? member = null;");
        writer.OpenBlock("try");
        writer.OpenBlock("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        var keyword = "if";
        foreach (var property in schema.Properties)
        {
            writer.OpenBlock(keyword + " (reader.ValueTextEquals(" + SourceWriter.Literal(property.JsonName) + "))");
            writer.Line("member = " + SourceWriter.Literal(property.JsonName) + ";");
            writer.Line(context.Json + ".ReadValue(ref reader);");
            writer.Line(Local(property) + " = " + ReadProperty(context, schema, property) + ";");
            if (TracksPresence(schema, property))
            {
                writer.Line(Seen(property) + " = true;");
            }

            writer.CloseBlock();
            keyword = "else if";
        }

        if (schema.Properties.Count > 0)
        {
            writer.OpenBlock("else");
        }

        if (extra is null)
        {
            writer.Line("member = null;");
            writer.Line(context.Json + ".ReadValue(ref reader);");
            writer.Line("reader.Skip();");
        }
        else
        {
            writer.Line("member = reader.GetString()!;");
            writer.Line(context.Json + ".ReadValue(ref reader);");
            writer.Line("(additionalMembers ??= new global::System.Collections.Generic.Dictionary<string, " + ItemType(context, extra.Type.Item!) + ">())[member] = " + ReadItem(context, extra.Type.Item!, schema.TypeName + "{}", "reader", "options", 0) + ";");
        }

        if (schema.Properties.Count > 0)
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Text.Json.JsonException exception) when (member is not null)");
        writer.Line("throw " + context.Json + ".AtMember(exception, member);");
        writer.CloseBlock();
        foreach (var property in schema.Properties.Where(property => MustBePresent(schema, property)))
        {
            writer.Line();
            writer.OpenBlock("if (!" + Seen(property) + ")");
            writer.Line("throw " + MissingProperty(context, schema, property) + ";");
            writer.CloseBlock();
        }

        writer.Line();
        var tracked = schema.Properties.Where(property => ModelEmitter.TracksAssignment(schema, property)).ToList();
        writer.Line((tracked.Count == 0 ? "return" : "var result =") + " new " + type);
        writer.OpenBlock();
        foreach (var property in schema.Properties.Where(property => !ModelEmitter.TracksAssignment(schema, property)))
        {
            var value = Local(property);
            if (!ModelEmitter.IsOptional(schema, property) && !ModelEmitter.IsNullableProperty(schema, property))
            {
                value += " ?? throw " + MissingProperty(context, schema, property);
            }

            writer.Line(property.Name + " = " + value + ",");
        }

        if (extra is not null)
        {
            writer.Line(extra.Name + " = additionalMembers,");
        }

        writer.CloseBlock(";");
        if (tracked.Count > 0)
        {
            writer.Line();

            // Only a property the JSON had counts as assigned, so writing the model back gives the same members.
            foreach (var property in tracked)
            {
                writer.OpenBlock("if (" + Seen(property) + ")");
                writer.Line("result." + property.Name + " = " + Local(property) + ";");
                writer.CloseBlock();
            }

            writer.Line();
            writer.Line("return result;");
        }

        writer.CloseBlock();
    }

    /// <summary>Returns the expression that reads a property's value into its local.</summary>
    private static string ReadProperty(EmitContext context, SchemaModel schema, PropertyModel property)
    {
        var read = ReadNullable(context, property.Type, property.JsonName, "reader", "options", 0);
        if (!ModelEmitter.IsOptional(schema, property))
        {
            return read;
        }

        var valueType = TypeSyntax.Of(property.Type, context.Namespace, property.Type.IsNullable);
        var value = property.Type.IsNullable ? read : read + " ?? throw " + context.Json + ".NullValue(" + SourceWriter.Literal(property.JsonName) + ")";
        return "new " + context.Optional + "<" + valueType + ">(" + value + ")";
    }

    /// <summary>Returns an expression of the nullable form of the type that reads the current JSON value.</summary>
    public static string ReadNullable(EmitContext context, TypeModel type, string jsonName, string reader, string options, int depth)
    {
        var name = SourceWriter.Literal(jsonName);
        switch (type.Kind)
        {
            case TypeKind.String: return context.Json + ".ReadString(ref " + reader + ", " + name + ")";
            case TypeKind.Boolean: return context.Json + ".ReadBoolean(ref " + reader + ", " + name + ")";
            case TypeKind.Int32: return context.Json + ".ReadInt32(ref " + reader + ", " + name + ")";
            case TypeKind.Int64: return context.Json + ".ReadInt64(ref " + reader + ", " + name + ")";
            case TypeKind.Double: return context.Json + ".ReadDouble(ref " + reader + ", " + name + ")";
            case TypeKind.DateTimeOffset: return context.Json + ".ReadDateTimeOffset(ref " + reader + ", " + name + ")";
            case TypeKind.Date: return context.Json + ".ReadDate(ref " + reader + ", " + name + ")";
            case TypeKind.Guid: return context.Json + ".ReadGuid(ref " + reader + ", " + name + ")";
            case TypeKind.Bytes: return context.Json + ".ReadBytes(ref " + reader + ", " + name + ")";
            case TypeKind.Json: return context.Json + ".ReadJsonElement(ref " + reader + ", " + name + ")";
            case TypeKind.Model:
                return context.Json + ".ReadObject(ref " + reader + ", " + name + ", " + context.Qualified(type.ModelName!) + ".JsonConverter.Instance, " + options + ")";
            case TypeKind.Union:
                return context.Json + ".ReadUnion(ref " + reader + ", " + context.Qualified(type.ModelName!) + ".JsonConverter.Instance, " + options + ")";
            case TypeKind.Enum:
                return context.Qualified(type.ModelName!) + ".JsonConverter.ReadNullable(ref " + reader + ", " + name + ")";
            default:
                var item = type.Item!;
                var itemReader = "itemReader" + depth.ToString(CultureInfo.InvariantCulture);
                var itemOptions = "itemOptions" + depth.ToString(CultureInfo.InvariantCulture);
                var itemName = jsonName + (type.Kind == TypeKind.Array ? "[]" : "{}");
                var readItem = ReadItem(context, item, itemName, itemReader, itemOptions, depth + 1);
                var method = type.Kind == TypeKind.Array ? ".ReadArray<" : ".ReadMap<";
                return context.Json + method + ItemType(context, item) + ">(ref " + reader + ", " + name + ", " + options
                    + ", static (ref " + Reader + " " + itemReader + ", " + Options + " " + itemOptions + ") => " + readItem + ")";
        }
    }

    /// <summary>Returns an expression that reads an array item or a map value: <c>null</c> only where the item type allows it.</summary>
    public static string ReadItem(EmitContext context, TypeModel item, string jsonName, string reader, string options, int depth)
    {
        var read = ReadNullable(context, item, jsonName, reader, options, depth);
        if (item.IsNullable)
        {
            return read;
        }

        if (item.Kind == TypeKind.Union)
        {
            return read + " ?? throw " + context.Json + ".NullUnion(" + SourceWriter.Literal(item.ModelName!) + ", " + SourceWriter.Literal(UnionEmitter.ExpectedVariants(context, item.ModelName!)) + ")";
        }

        return read + " ?? throw " + context.Json + ".NullValue(" + SourceWriter.Literal(jsonName) + ")";
    }

    /// <summary>Returns the C# type of an array item or a map value, with <c>?</c> where it may be <c>null</c>.</summary>
    public static string ItemType(EmitContext context, TypeModel item) => TypeSyntax.Of(item, context.Namespace, item.IsNullable);

    private static void EmitWrite(SourceWriter writer, EmitContext context, SchemaModel schema, string type)
    {
        writer.OpenBlock("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value, " + Options + " options)");
        EmitDerivedWrites(writer, context, schema);
        writer.Line("writer.WriteStartObject();");
        var discriminator = schema.DiscriminatorValues.Count > 0 ? schema.DiscriminatorProperty : null;
        if (discriminator is not null && !schema.Properties.Any(property => property.JsonName == discriminator))
        {
            writer.Line("writer.WriteString(" + SourceWriter.Literal(discriminator) + ", " + SourceWriter.Literal(schema.DiscriminatorValues[0]) + ");");
        }

        foreach (var property in schema.Properties.Where(property => !property.IsReadOnly))
        {
            writer.Line();
            var access = "value." + property.Name;
            var name = "writer.WritePropertyName(" + SourceWriter.Literal(property.JsonName) + ");";
            if (property.JsonName == discriminator && UnionEmitter.IsStringValued(context, property.Type))
            {
                WriteDiscriminator(writer, context, schema, property);
            }
            else if (ModelEmitter.IsOptional(schema, property))
            {
                writer.OpenBlock("if (" + access + ".HasValue)");
                writer.Line(name);
                WriteMaybeNull(writer, context, property.Type, access + ".Value", property.Type.IsNullable, 0);
                writer.CloseBlock();
            }
            else if (ModelEmitter.TracksAssignment(schema, property))
            {
                writer.OpenBlock("if (value." + ModelEmitter.AssignmentField(property) + ".HasValue)");
                writer.Line(name);
                WriteMaybeNull(writer, context, property.Type, access, true, 0);
                writer.CloseBlock();
            }
            else if (ModelEmitter.IsRequired(schema, property))
            {
                writer.Line(name);
                WriteMaybeNull(writer, context, property.Type, access, ModelEmitter.IsNullableProperty(schema, property), 0);
            }
            else
            {
                // A null optional response value stands for a property the JSON did not have, so none is written.
                writer.OpenBlock("if (" + access + " is not null)");
                writer.Line(name);
                WriteValue(writer, context, property.Type, property.Type.IsValueType ? access + ".Value" : access, 0);
                writer.CloseBlock();
            }
        }

        if (schema.AdditionalProperties is { } extra)
        {
            writer.Line();
            writer.OpenBlock("if (value." + extra.Name + " is not null)");
            var declaredNames = schema.Properties.Select(property => property.JsonName).ToList();
            if (discriminator is not null && !declaredNames.Contains(discriminator))
            {
                declaredNames.Add(discriminator);
            }

            WriteMembers(writer, context, extra.Type.Item!, "value." + extra.Name, 0, declaredNames);
            writer.CloseBlock();
        }

        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>
    /// Writes the discriminator property of a class in a hierarchy that has one, so that a reader creates the
    /// object's runtime class again. A derived class writes its value as set when that value maps to the class, and
    /// otherwise its first value. A reader creates the top class of a hierarchy for a value that maps to no class.
    /// That class keeps such a value, as an open enum does, and writes its first value only when the property is
    /// unset or contains the value of a derived class.
    /// </summary>
    private static void WriteDiscriminator(SourceWriter writer, EmitContext context, SchemaModel schema, PropertyModel property)
    {
        var ownValue = SourceWriter.Literal(schema.DiscriminatorValues[0]);
        writer.Line("var discriminator = " + ModelEmitter.StringValue(schema, property) + ";");
        writer.Line("writer.WritePropertyName(" + SourceWriter.Literal(property.JsonName) + ");");
        if (schema.BaseTypeName is not null)
        {
            var pattern = string.Join(" or ", schema.DiscriminatorValues.Select(SourceWriter.Literal));
            writer.Line("writer.WriteStringValue(discriminator is " + pattern + " ? discriminator : " + ownValue + ");");
            return;
        }

        var replaced = new[] { "null", "\"\"" }.Concat(Descendants(context, schema)
            .SelectMany(candidate => candidate.DiscriminatorValues)
            .Where(value => !schema.DiscriminatorValues.Contains(value))
            .Distinct(System.StringComparer.Ordinal)
            .OrderBy(value => value, System.StringComparer.Ordinal)
            .Select(SourceWriter.Literal));
        writer.Line("writer.WriteStringValue(discriminator is " + string.Join(" or ", replaced) + " ? " + ownValue + " : discriminator);");
    }

    /// <summary>
    /// Emits the dispatch of a base class's writer to the converter of the value's runtime type, so that a derived
    /// object in a property typed as its base class keeps its own members. The most derived classes come first,
    /// because a C# <c>switch</c> rejects a case that an earlier one covers.
    /// </summary>
    private static void EmitDerivedWrites(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        var derived = Descendants(context, schema);
        if (derived.Count == 0)
        {
            return;
        }

        writer.OpenBlock("switch (value)");
        foreach (var candidate in derived)
        {
            var derivedType = context.Qualified(candidate.TypeName);
            writer.Line("case " + derivedType + " derived:");
            writer.Line("    " + derivedType + ".JsonConverter.Instance.Write(writer, derived, options);");
            writer.Line("    return;");
        }

        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>
    /// Emits the dispatch of a base class's reader to the converter of the derived class that the discriminator
    /// value stands for, so that reading keeps the members that writing through the base class wrote.
    /// </summary>
    private static void EmitDerivedReads(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        if (schema.DiscriminatorProperty is not { } discriminator)
        {
            return;
        }

        var cases = Descendants(context, schema)
            .SelectMany(candidate => candidate.DiscriminatorValues.Select(value => (Value: value, Schema: candidate)))
            .Where(entry => !schema.DiscriminatorValues.Contains(entry.Value))
            .GroupBy(entry => entry.Value, System.StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(entry => entry.Value, System.StringComparer.Ordinal)
            .ToList();
        if (cases.Count == 0)
        {
            return;
        }

        writer.OpenBlock("switch (" + context.Json + ".PeekString(reader, " + SourceWriter.Literal(discriminator) + "))");
        foreach (var (value, candidate) in cases)
        {
            var derivedType = context.Qualified(candidate.TypeName);
            writer.Line("case " + SourceWriter.Literal(value) + ":");
            writer.Line("    return " + derivedType + ".JsonConverter.Instance.Read(ref reader, typeof(" + derivedType + "), options);");
        }

        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>Returns the classes that derive from a base class, directly or not, the most derived first.</summary>
    private static List<SchemaModel> Descendants(EmitContext context, SchemaModel schema)
    {
        if (!schema.IsBase)
        {
            return new List<SchemaModel>();
        }

        return context.Document.Schemas
            .Select(candidate => (Schema: candidate, Depth: InheritanceDepth(context, candidate, schema.TypeName)))
            .Where(candidate => candidate.Depth > 0)
            .OrderByDescending(candidate => candidate.Depth)
            .ThenBy(candidate => candidate.Schema.TypeName, System.StringComparer.Ordinal)
            .Select(candidate => candidate.Schema)
            .ToList();
    }

    /// <summary>Returns how many steps up the class chain of <paramref name="schema"/> <paramref name="ancestor"/> is, or 0 when it is not an ancestor.</summary>
    private static int InheritanceDepth(EmitContext context, SchemaModel schema, string ancestor)
    {
        var depth = 0;
        var current = schema;

        // The bound stops a cycle that the parser should have broken already.
        while (current.BaseTypeName is { } baseName && depth < context.Document.Schemas.Count)
        {
            depth++;
            if (baseName == ancestor)
            {
                return depth;
            }

            current = context.Document.Schemas.FirstOrDefault(candidate => candidate.TypeName == baseName);
            if (current is null)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>
    /// Writes the entries of a dictionary as members of the JSON object being written, except those whose key is
    /// one of <paramref name="declaredNames"/>: the declared property of that name is written instead, because
    /// the reader never puts a declared name into the dictionary and the names in a JSON object should be unique (RFC 8259).
    /// </summary>
    private static void WriteMembers(SourceWriter writer, EmitContext context, TypeModel valueType, string expression, int depth, IReadOnlyList<string>? declaredNames = null)
    {
        var entry = "entry" + depth.ToString(CultureInfo.InvariantCulture);
        writer.OpenBlock("foreach (var " + entry + " in " + expression + ")");
        if (declaredNames is { Count: > 0 })
        {
            writer.OpenBlock("if (" + entry + ".Key is " + string.Join(" or ", declaredNames.Select(SourceWriter.Literal)) + ")");
            writer.Line("continue;");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("writer.WritePropertyName(" + entry + ".Key);");
        WriteMaybeNull(writer, context, valueType, entry + ".Value", valueType.IsNullable, depth + 1);
        writer.CloseBlock();
    }

    public static void WriteMaybeNull(SourceWriter writer, EmitContext context, TypeModel type, string expression, bool isNullable, int depth)
    {
        if (!isNullable)
        {
            WriteValue(writer, context, type, expression, depth);
            return;
        }

        writer.OpenBlock("if (" + expression + " is null)");
        writer.Line("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.OpenBlock("else");
        WriteValue(writer, context, type, type.IsValueType ? expression + ".Value" : expression, depth);
        writer.CloseBlock();
    }

    /// <summary>Writes a value that is not null.</summary>
    private static void WriteValue(SourceWriter writer, EmitContext context, TypeModel type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.DateTimeOffset:
            case TypeKind.Guid:
                writer.Line("writer.WriteStringValue(" + expression + ");");
                break;
            case TypeKind.Date:
                writer.Line(context.Json + ".WriteDate(writer, " + expression + ");");
                break;
            case TypeKind.Bytes:
                writer.Line("writer.WriteBase64StringValue(" + expression + ");");
                break;
            case TypeKind.Boolean:
                writer.Line("writer.WriteBooleanValue(" + expression + ");");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                writer.Line("writer.WriteNumberValue(" + expression + ");");
                break;
            case TypeKind.Json:
                writer.Line(expression + ".WriteTo(writer);");
                break;
            case TypeKind.Model:
            case TypeKind.Enum:
            case TypeKind.Union:
                writer.Line(context.Qualified(type.ModelName!) + ".JsonConverter.Instance.Write(writer, " + expression + ", options);");
                break;
            case TypeKind.Map:
                writer.Line("writer.WriteStartObject();");
                WriteMembers(writer, context, type.Item!, expression, depth);
                writer.Line("writer.WriteEndObject();");
                break;
            default:
                var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                writer.Line("writer.WriteStartArray();");
                writer.OpenBlock("foreach (var " + item + " in " + expression + ")");
                WriteMaybeNull(writer, context, type.Item!, item, type.Item!.IsNullable, depth + 1);
                writer.CloseBlock();
                writer.Line("writer.WriteEndArray();");
                break;
        }
    }

    /// <summary>
    /// True for a required property that may be <c>null</c>: its type cannot show that it was missing, so the
    /// reader tracks whether the JSON had it.
    /// </summary>
    private static bool MustBePresent(SchemaModel schema, PropertyModel property) =>
        ModelEmitter.IsRequired(schema, property) && property.Type.IsNullable && !ModelEmitter.IsOptional(schema, property);

    /// <summary>True when the reader records whether the JSON had the property.</summary>
    private static bool TracksPresence(SchemaModel schema, PropertyModel property) =>
        MustBePresent(schema, property) || ModelEmitter.TracksAssignment(schema, property);

    private static string MissingProperty(EmitContext context, SchemaModel schema, PropertyModel property) =>
        context.Json + ".MissingProperty(" + SourceWriter.Literal(schema.TypeName) + ", " + SourceWriter.Literal(property.JsonName) + ")";

    private static string Seen(PropertyModel property) =>
        char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) + "Seen";

    /// <summary>Names the local that stores a property value while the object is read; the suffix keeps it apart from the method's parameters.</summary>
    private static string Local(PropertyModel property) =>
        char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) + "Value";
}
