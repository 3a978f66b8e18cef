using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>Emits one model class with its <c>ToString()</c> and its nested <c>JsonConverter</c>.</summary>
internal static class ModelEmitter
{
    public static string Emit(EmitContext context, SchemaModel schema)
    {
        if (schema.Kind == SchemaKind.Enum)
        {
            return EnumEmitter.Emit(context, schema);
        }

        if (schema.Kind == SchemaKind.Union)
        {
            return UnionEmitter.Emit(context, schema);
        }

        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);

        EmitTypeSummary(writer, schema);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        var sealedModifier = schema.IsBase ? string.Empty : "sealed ";
        var baseList = schema.BaseTypeName is null ? string.Empty : " : " + context.Qualified(schema.BaseTypeName);
        writer.OpenBlock(context.Accessibility + " " + sealedModifier + "partial class " + schema.TypeName + baseList);

        foreach (var property in schema.Properties)
        {
            EmitProperty(writer, context, schema, property);
            writer.Line();
        }

        if (schema.AdditionalProperties is { } extra)
        {
            writer.Summary("The members of the JSON object that the schema does not name, or <c>null</c> when it has none.", isXml: true);
            writer.Line("public " + TypeSyntax.Nullable(extra.Type, context.Namespace) + " " + extra.Name + " { get; set; }");
            writer.Line();
        }

        // ToString() and the converter of a derived class cover the inherited properties too.
        var complete = schema with { Properties = schema.AllProperties, InheritedProperties = default };
        EmitToString(writer, context, complete);
        writer.Line();
        ConverterEmitter.Emit(writer, context, complete);

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>Writes the summary of a generated type: the schema's description, or where the schema is.</summary>
    public static void EmitTypeSummary(SourceWriter writer, SchemaModel schema)
    {
        if (schema.Description is null)
        {
            writer.Summary("The schema at <c>" + SourceWriter.XmlEscape(schema.JsonPointer) + "</c>.", isXml: true);
        }
        else
        {
            writer.Summary(schema.Description);
        }
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
        schema.Role == SchemaRole.Request && !IsRequired(schema, property);

    /// <summary>
    /// True when the property must be present in the direction the model is used: a <c>readOnly</c> property is
    /// never sent, so a request model does not require it, and a <c>writeOnly</c> one is never returned, so a
    /// response model does not.
    /// </summary>
    public static bool IsRequired(SchemaModel schema, PropertyModel property) =>
        property.IsRequired
        && !(property.IsReadOnly && schema.Role == SchemaRole.Request)
        && !(property.IsWriteOnly && schema.Role == SchemaRole.Response);

    /// <summary>
    /// True for an optional, nullable property of a response model. Its C# type cannot tell "not set" from
    /// <c>null</c>, so an <c>Optional&lt;T&gt;</c> field records whether it was assigned (or read), and the
    /// converter writes an assigned <c>null</c> as JSON <c>null</c> and leaves out a property never assigned.
    /// </summary>
    public static bool TracksAssignment(SchemaModel schema, PropertyModel property) =>
        schema.Role == SchemaRole.Response && !IsRequired(schema, property) && property.Type.IsNullable && !property.IsReadOnly;

    /// <summary>Names the field behind a property that <see cref="TracksAssignment"/> covers.</summary>
    /// <remarks>Only the first letter is lowered, so two property names never give the same field.</remarks>
    public static string AssignmentField(PropertyModel property) =>
        "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    /// <summary>
    /// Returns an expression of type <c>string?</c> with the text of a string or string enum property of
    /// <c>value</c>, <c>null</c> when the property is not set.
    /// </summary>
    public static string StringValue(SchemaModel schema, PropertyModel property)
    {
        var access = "value." + property.Name;
        var isOptional = IsOptional(schema, property);
        var inner = isOptional ? access + ".Value" : access;
        var isNullable = isOptional ? property.Type.IsNullable : IsNullableProperty(schema, property);
        var text = inner;
        if (property.Type.Kind == TypeKind.Enum)
        {
            text = inner + (isNullable ? "?.Value" : ".Value");
        }

        return isOptional ? "(" + access + ".HasValue ? " + text + " : null)" : text;
    }

    /// <summary>True when the declared type (other than an <c>Optional&lt;T&gt;</c>) carries <c>?</c>.</summary>
    public static bool IsNullableProperty(SchemaModel schema, PropertyModel property) =>
        property.Type.IsNullable || (schema.Role == SchemaRole.Response && !IsRequired(schema, property));

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

        writer.DocElement("remarks", Remarks(context, schema, property));
        var type = PropertyType(context, schema, property);
        if (TracksAssignment(schema, property))
        {
            var field = AssignmentField(property);
            writer.OpenBlock("public " + type + " " + property.Name);
            writer.Line("get => " + field + ".HasValue ? " + field + ".Value : default;");
            writer.Line("set => " + field + " = new " + context.Optional + "<" + type + ">(value);");
            writer.CloseBlock();
            writer.Line();
            writer.Line("internal " + context.Optional + "<" + type + "> " + field + ";");
            return;
        }

        var modifier = IsRequired(schema, property) ? "required " : string.Empty;
        writer.Line("public " + modifier + type + " " + property.Name + " { get; set; }");
    }

    private static string Remarks(EmitContext context, SchemaModel schema, PropertyModel property)
    {
        var text = "JSON name: " + property.JsonName + ".";
        if (property.IsReadOnly)
        {
            text += " Read-only: returned by the service and never sent.";
        }
        else if (property.IsWriteOnly)
        {
            text += " Write-only: sent to the service and not returned.";
        }

        if (property.JsonName == schema.DiscriminatorProperty && schema.DiscriminatorValues.Count > 0 && UnionEmitter.IsStringValued(context, property.Type))
        {
            text += " The discriminator: always written, as set when the value stands for the object's class, otherwise as the first value that does.";
        }
        else if (IsOptional(schema, property))
        {
            text += " Sent only when set.";
        }
        else if (TracksAssignment(schema, property))
        {
            text += " Null when the JSON omits it; written only when assigned or read, so an assigned null is sent as JSON null.";
        }
        else if (schema.Role == SchemaRole.Response && !IsRequired(schema, property))
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
