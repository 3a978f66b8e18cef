using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Emits an open enum: a readonly struct that wraps the JSON value, with a static property per listed value.
/// A value the document does not list is read and written back unchanged, so a service that adds a value does
/// not break the clients generated before.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EmitContext context, SchemaModel schema)
    {
        var model = schema.Enum!;
        var name = schema.TypeName;
        var valueType = model.IsInteger ? "long" : "string";
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);

        ModelEmitter.EmitTypeSummary(writer, schema);
        writer.DocElement("remarks", "An open enum: values the document does not list are kept as they are, and <see cref=\"IsKnown\"/> is false for them.", isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        if (!model.IsInteger)
        {
            writer.Line("private readonly string? _value;");
            writer.Line();
        }

        writer.Summary("Creates a value, listed in the document or not.", isXml: true);
        writer.ParamDoc("value", "The JSON value.");
        writer.OpenBlock("public " + name + "(" + valueType + " value)");
        writer.Line(model.IsInteger ? "Value = value;" : "_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.CloseBlock();

        foreach (var member in model.Members)
        {
            writer.Line();
            writer.Summary("The value <c>" + SourceWriter.XmlEscape(member.Value) + "</c>.", isXml: true);
            writer.Line("public static " + name + " " + member.Name + " { get; } = new " + name + "(" + ValueLiteral(model, member) + ");");
        }

        writer.Line();
        if (model.IsInteger)
        {
            writer.Summary("Gets the JSON value.");
            writer.Line("public long Value { get; }");
        }
        else
        {
            writer.Summary("Gets the JSON value; the empty string for the default instance.");
            writer.Line("public string Value => _value ?? string.Empty;");
        }

        writer.Line();
        EmitIsKnown(writer, model);
        writer.Line();
        EmitEquality(writer, name, model.IsInteger);
        writer.Line();
        EmitConverter(writer, context, schema);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string ValueLiteral(EnumModel model, EnumMemberModel member) =>
        model.IsInteger ? member.Value + "L" : SourceWriter.Literal(member.Value);

    private static void EmitIsKnown(SourceWriter writer, EnumModel model)
    {
        writer.Summary("Gets whether the document lists the value.");
        writer.OpenBlock("public bool IsKnown");
        writer.OpenBlock("get");
        writer.OpenBlock("switch (Value)");
        foreach (var member in model.Members)
        {
            writer.Line("case " + ValueLiteral(model, member) + ":");
        }

        if (model.Members.Count > 0)
        {
            writer.Line("    return true;");
        }

        writer.Line("default:");
        writer.Line("    return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void EmitEquality(SourceWriter writer, string name, bool isInteger)
    {
        writer.Summary("Compares the JSON values, by ordinal comparison for text.", isXml: true);
        writer.ParamDoc("other", "The value to compare with.");
        writer.DocElement("returns", "<c>true</c> when the values are equal.", isXml: true);
        writer.Line("public bool Equals(" + name + " other) => " + (isInteger ? "Value == other.Value;" : "string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);"));
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => " + (isInteger ? "Value.GetHashCode();" : "global::System.StringComparer.Ordinal.GetHashCode(Value);"));
        writer.Line();
        writer.Summary("Returns the JSON value as text.");
        writer.DocElement("returns", "The text.");
        writer.Line("public override string ToString() => " + (isInteger ? "Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);" : "Value;"));
        writer.Line();
        writer.Summary("Compares two values.");
        writer.ParamDoc("left", "The first value.");
        writer.ParamDoc("right", "The second value.");
        writer.DocElement("returns", "<c>true</c> when the values are equal.", isXml: true);
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Summary("Compares two values.");
        writer.ParamDoc("left", "The first value.");
        writer.ParamDoc("right", "The second value.");
        writer.DocElement("returns", "<c>true</c> when the values differ.", isXml: true);
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
    }

    private static void EmitConverter(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        var isInteger = schema.Enum!.IsInteger;
        var type = ConverterEmitter.OpenConverterClass(writer, context, schema);
        writer.OpenBlock("public static " + type + "? ReadNullable(ref global::System.Text.Json.Utf8JsonReader reader, string property)");
        writer.Line("var value = " + context.Json + (isInteger ? ".ReadInt64" : ".ReadString") + "(ref reader, property);");
        writer.Line("return value is null ? null : new " + type + "(value" + (isInteger ? ".Value" : string.Empty) + ");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("public override " + type + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>");
        writer.Line("    ReadNullable(ref reader, " + SourceWriter.Literal(schema.TypeName) + ") ?? throw " + context.Json + ".NullValue(" + SourceWriter.Literal(schema.TypeName) + ");");
        writer.Line();
        writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value, global::System.Text.Json.JsonSerializerOptions options) =>");
        writer.Line("    writer." + (isInteger ? "WriteNumberValue" : "WriteStringValue") + "(value.Value);");
        writer.CloseBlock();
    }
}
