using System.Globalization;
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
        var type = context.Qualified(schema.TypeName);
        writer.Summary("Reads and writes <see cref=\"" + schema.TypeName + "\"/> without reflection.", isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock("internal sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");
        writer.Line("public static JsonConverter Instance { get; } = new JsonConverter();");
        writer.Line();
        EmitRead(writer, context, schema, type);
        writer.Line();
        EmitWrite(writer, context, schema, type);
        writer.CloseBlock();
    }

    private static void EmitRead(SourceWriter writer, EmitContext context, SchemaModel schema, string type)
    {
        writer.OpenBlock("public override " + type + " Read(ref " + Reader + " reader, global::System.Type typeToConvert, " + Options + " options)");
        writer.Line(context.Json + ".ExpectStartObject(ref reader, " + SourceWriter.Literal(schema.TypeName) + ");");
        foreach (var property in schema.Properties)
        {
            var localType = ModelEmitter.IsOptional(schema, property)
                ? ModelEmitter.PropertyType(context, schema, property)
                : TypeSyntax.Nullable(property.Type, context.Namespace);
            writer.Line(localType + " " + Local(property) + " = default;");
        }

        writer.Line();
        writer.OpenBlock("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        var keyword = "if";
        foreach (var property in schema.Properties)
        {
            writer.OpenBlock(keyword + " (reader.ValueTextEquals(" + SourceWriter.Literal(property.JsonName) + "))");
            writer.Line(context.Json + ".ReadValue(ref reader);");
            writer.Line(Local(property) + " = " + ReadProperty(context, schema, property) + ";");
            writer.CloseBlock();
            keyword = "else if";
        }

        if (schema.Properties.Count == 0)
        {
            writer.Line(context.Json + ".ReadValue(ref reader);");
            writer.Line("reader.Skip();");
        }
        else
        {
            writer.OpenBlock("else");
            writer.Line(context.Json + ".ReadValue(ref reader);");
            writer.Line("reader.Skip();");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("return new " + type);
        writer.OpenBlock();
        foreach (var property in schema.Properties)
        {
            var value = Local(property);
            if (!ModelEmitter.IsOptional(schema, property) && !ModelEmitter.IsNullableProperty(schema, property))
            {
                value += " ?? throw " + context.Json + ".MissingProperty(" + SourceWriter.Literal(schema.TypeName) + ", " + SourceWriter.Literal(property.JsonName) + ")";
            }

            writer.Line(property.Name + " = " + value + ",");
        }

        writer.CloseBlock(";");
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
            case TypeKind.Json: return context.Json + ".ReadJsonElement(ref " + reader + ", " + name + ")";
            case TypeKind.Model:
                return context.Json + ".ReadObject(ref " + reader + ", " + name + ", " + context.Qualified(type.ModelName!) + ".JsonConverter.Instance, " + options + ")";
            default:
                var item = type.Item!;
                var itemReader = "itemReader" + depth.ToString(CultureInfo.InvariantCulture);
                var itemOptions = "itemOptions" + depth.ToString(CultureInfo.InvariantCulture);
                var readItem = ReadNullable(context, item, jsonName + "[]", itemReader, itemOptions, depth + 1);
                if (!item.IsNullable)
                {
                    readItem += " ?? throw " + context.Json + ".NullValue(" + SourceWriter.Literal(jsonName + "[]") + ")";
                }

                return context.Json + ".ReadArray<" + TypeSyntax.Of(item, context.Namespace, item.IsNullable) + ">(ref " + reader + ", " + name + ", " + options
                    + ", static (ref " + Reader + " " + itemReader + ", " + Options + " " + itemOptions + ") => " + readItem + ")";
        }
    }

    private static void EmitWrite(SourceWriter writer, EmitContext context, SchemaModel schema, string type)
    {
        writer.OpenBlock("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value, " + Options + " options)");
        writer.Line("writer.WriteStartObject();");
        foreach (var property in schema.Properties)
        {
            writer.Line();
            var access = "value." + property.Name;
            var name = "writer.WritePropertyName(" + SourceWriter.Literal(property.JsonName) + ");";
            if (ModelEmitter.IsOptional(schema, property))
            {
                writer.OpenBlock("if (" + access + ".HasValue)");
                writer.Line(name);
                WriteMaybeNull(writer, context, property.Type, access + ".Value", property.Type.IsNullable, 0);
                writer.CloseBlock();
            }
            else if (property.IsRequired)
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

        writer.Line();
        writer.Line("writer.WriteEndObject();");
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
                writer.Line("writer.WriteStringValue(" + expression + ");");
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
                writer.Line(context.Qualified(type.ModelName!) + ".JsonConverter.Instance.Write(writer, " + expression + ", options);");
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

    /// <summary>Names the local that stores a property value while the object is read; the suffix keeps it apart from the method's parameters.</summary>
    private static string Local(PropertyModel property) =>
        char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) + "Value";
}
