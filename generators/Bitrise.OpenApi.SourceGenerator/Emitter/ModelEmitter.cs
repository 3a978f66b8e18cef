using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>Emits one model class with its <c>ToString()</c> and its nested <c>JsonConverter</c>.</summary>
internal static class ModelEmitter
{
    public static string Emit(EmitContext context, SchemaModel schema)
    {
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);

        if (schema.Description is null)
        {
            writer.Summary("The schema at <c>" + SourceWriter.XmlEscape(schema.JsonPointer) + "</c>.", isXml: true);
        }
        else
        {
            writer.Summary(schema.Description);
        }

        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " sealed partial class " + schema.TypeName);

        foreach (var property in schema.Properties)
        {
            EmitProperty(writer, context, schema, property);
            writer.Line();
        }

        EmitToString(writer, context, schema);
        writer.Line();
        ConverterEmitter.Emit(writer, context, schema);

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>Returns the declared C# type of a property, which depends on the schema's role.</summary>
    public static string PropertyType(EmitContext context, SchemaModel schema, PropertyModel property)
    {
        if (IsOptional(schema, property))
        {
            return context.Optional + "<" + TypeSyntax.Of(property.Type, context.Namespace, property.Type.IsNullable) + ">";
        }

        return TypeSyntax.Of(property.Type, context.Namespace, IsNullableProperty(schema, property));
    }

    /// <summary>True for the optional properties of a request model, which are <c>Optional&lt;T&gt;</c>.</summary>
    public static bool IsOptional(SchemaModel schema, PropertyModel property) =>
        schema.Role == SchemaRole.Request && !property.IsRequired;

    /// <summary>True when the declared type (other than an <c>Optional&lt;T&gt;</c>) carries <c>?</c>.</summary>
    public static bool IsNullableProperty(SchemaModel schema, PropertyModel property) =>
        property.Type.IsNullable || (schema.Role == SchemaRole.Response && !property.IsRequired);

    private static void EmitProperty(SourceWriter writer, EmitContext context, SchemaModel schema, PropertyModel property)
    {
        if (property.Description is null)
        {
            writer.Summary("The <c>" + SourceWriter.XmlEscape(property.JsonName) + "</c> property.", isXml: true);
        }
        else
        {
            writer.Summary(property.Description);
        }

        writer.DocElement("remarks", Remarks(schema, property));
        var modifier = property.IsRequired ? "required " : string.Empty;
        writer.Line("public " + modifier + PropertyType(context, schema, property) + " " + property.Name + " { get; set; }");
    }

    private static string Remarks(SchemaModel schema, PropertyModel property)
    {
        var text = "JSON name: " + property.JsonName + ".";
        if (IsOptional(schema, property))
        {
            text += " Sent only when set.";
        }
        else if (schema.Role == SchemaRole.Response && !property.IsRequired)
        {
            text += " Null when the JSON omits it.";
        }

        return property.IsSensitive ? text + " A secret: ToString() prints [redacted] in its place." : text;
    }

    private static void EmitToString(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        writer.Summary("Returns the type name and the property values, with secrets replaced by [redacted].");
        writer.DocElement("returns", "The text.");
        writer.OpenBlock("public override string ToString()");
        writer.Line("var builder = new global::System.Text.StringBuilder(" + SourceWriter.Literal(schema.TypeName + " {") + ");");
        for (var index = 0; index < schema.Properties.Count; index++)
        {
            var property = schema.Properties[index];
            var label = SourceWriter.Literal((index == 0 ? " " : ", ") + property.Name + " = ");
            var value = property.IsSensitive
                ? SourceWriter.Literal("[redacted]")
                : context.Json + ".Format(" + property.Name + ")";
            writer.Line("builder.Append(" + label + ").Append(" + value + ");");
        }

        writer.Line("return builder.Append(" + SourceWriter.Literal(" }") + ").ToString();");
        writer.CloseBlock();
    }
}
