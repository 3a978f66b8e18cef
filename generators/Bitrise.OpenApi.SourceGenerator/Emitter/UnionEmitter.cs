using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Emits the class of a <c>oneOf</c> or <c>anyOf</c> schema: it keeps the JSON it was read from and has one
/// nullable property per variant, of which at most one is set.
/// </summary>
internal static class UnionEmitter
{
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    public static string Emit(EmitContext context, SchemaModel schema)
    {
        var union = schema.Union!;
        var name = schema.TypeName;
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);

        ModelEmitter.EmitTypeSummary(writer, schema);
        var rule = DiscriminatorOf(union) is { } discriminator
            ? "The variant is chosen by the <c>" + SourceWriter.XmlEscape(discriminator) + "</c> property."
            : "The variant is the first, in the order of the document, whose JSON kind and required properties match and that reads without error.";
        writer.DocElement("remarks", rule + " When none matches, no variant is set and <see cref=\"Json\"/> keeps the value.", isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name);
        writer.OpenBlock("private " + name + "(" + JsonElement + " json)");
        writer.Line("Json = json;");
        writer.CloseBlock();
        writer.Line();
        writer.Summary("Gets the JSON the value was read from; an undefined element for a value created in code.");
        writer.Line("public " + JsonElement + " Json { get; }");

        foreach (var variant in union.Variants)
        {
            var type = TypeSyntax.Of(variant.Type, context.Namespace);
            var typeText = variant.Type.IsGenerated ? "<see cref=\"" + variant.Type.ModelName + "\"/>" : "<c>" + SourceWriter.XmlEscape(type.Replace("global::", string.Empty)) + "</c>";
            writer.Line();
            writer.Summary("Gets the value when it is the " + typeText + " variant; otherwise <c>null</c>.", isXml: true);
            writer.Line("public " + TypeSyntax.Nullable(variant.Type, context.Namespace) + " " + variant.Name + " { get; private init; }");
            writer.Line();
            if (DiscriminatorTarget(context, union, variant) is { } target)
            {
                EmitDiscriminatedFactory(writer, context, schema, variant, typeText, target);
                continue;
            }

            writer.Summary("Creates a value of the " + typeText + " variant.", isXml: true);
            writer.ParamDoc("value", "The variant's value.");
            writer.DocElement("returns", "The union.");
            var check = variant.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
            writer.Line("public static " + name + " From" + variant.Name + "(" + type + " value) => new " + name + "(default) { " + variant.Name + " = " + check + " };");
        }

        writer.Line();
        EmitToString(writer, context, schema);
        writer.Line();
        EmitConverter(writer, context, schema);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// Returns the variant's class and its discriminator property when the union is read by discriminator and the
    /// class declares that property as a string or a string enum, so that its factory can set or check the value.
    /// </summary>
    private static (SchemaModel Variant, PropertyModel Property)? DiscriminatorTarget(EmitContext context, UnionModel union, UnionVariantModel variant)
    {
        if (DiscriminatorOf(union) is not { } discriminator || variant.DiscriminatorValues.Count == 0 || variant.Type.Kind != TypeKind.Model)
        {
            return null;
        }

        var variantSchema = context.Document.Schemas.FirstOrDefault(candidate => candidate.TypeName == variant.Type.ModelName);
        var property = variantSchema?.AllProperties.FirstOrDefault(candidate => candidate.JsonName == discriminator);
        if (variantSchema is null || property is null || !IsStringValued(context, property.Type))
        {
            return null;
        }

        return (variantSchema, property);
    }

    /// <summary>True for a string, or an enum of strings, whose value text can be set and compared.</summary>
    public static bool IsStringValued(EmitContext context, TypeModel type) =>
        type.Kind == TypeKind.String
        || (type.Kind == TypeKind.Enum && context.Document.Schemas.Any(schema => schema.TypeName == type.ModelName && schema.Enum is { IsInteger: false }));

    /// <summary>
    /// Emits the factory of a variant that has the discriminator property: it sets an unset discriminator to the
    /// variant's value and rejects one that selects another variant, so the union is written as it is read.
    /// </summary>
    private static void EmitDiscriminatedFactory(SourceWriter writer, EmitContext context, SchemaModel schema, UnionVariantModel variant, string typeText, (SchemaModel Variant, PropertyModel Property) target)
    {
        var (variantSchema, property) = target;
        var jsonName = SourceWriter.XmlEscape(property.JsonName);
        var expected = variant.DiscriminatorValues[0];
        var allowed = string.Join(" or ", variant.DiscriminatorValues.Select(value => "<c>" + SourceWriter.XmlEscape(value) + "</c>"));
        writer.Summary("Creates a value of the " + typeText + " variant.", isXml: true);
        writer.ParamDoc("value", "The variant's value.");
        writer.DocElement("returns", "The union.");
        writer.DocElement(
            "remarks",
            "When the <c>" + jsonName + "</c> property of <paramref name=\"value\"/> is <c>null</c>, empty or not set, this method sets it to <c>"
            + SourceWriter.XmlEscape(expected) + "</c> on that object, so that the union is written with the discriminator value of this variant.",
            isXml: true);
        writer.DocElement("exception", "<paramref name=\"value\"/> is <c>null</c>.", " cref=\"global::System.ArgumentNullException\"", isXml: true);
        writer.DocElement("exception", "The <c>" + jsonName + "</c> property of <paramref name=\"value\"/> is set to a value other than " + allowed + ".", " cref=\"global::System.ArgumentException\"", isXml: true);
        writer.OpenBlock("public static " + schema.TypeName + " From" + variant.Name + "(" + TypeSyntax.Of(variant.Type, context.Namespace) + " value)");
        writer.OpenBlock("if (value is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(value));");
        writer.CloseBlock();
        writer.Line();
        writer.Line("var discriminator = " + ModelEmitter.StringValue(variantSchema, property) + ";");
        writer.OpenBlock("if (string.IsNullOrEmpty(discriminator))");
        var literal = SourceWriter.Literal(expected);
        var assigned = property.Type.Kind == TypeKind.Enum ? "new " + context.Qualified(property.Type.ModelName!) + "(" + literal + ")" : literal;
        writer.Line("value." + property.Name + " = " + assigned + ";");
        writer.CloseBlock();
        var pattern = string.Join(" or ", variant.DiscriminatorValues.Select(SourceWriter.Literal));
        writer.OpenBlock("else if (discriminator is not " + (variant.DiscriminatorValues.Count == 1 ? pattern : "(" + pattern + ")") + ")");
        var message = "The " + property.JsonName + " of a " + variant.Name + " variant of " + schema.TypeName + " must be "
            + string.Join(" or ", variant.DiscriminatorValues.Select(value => "'" + value + "'")) + ", but it is '";
        writer.Line("throw new global::System.ArgumentException(" + SourceWriter.Literal(message) + " + discriminator + \"'.\", nameof(value));");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return new " + schema.TypeName + "(default) { " + variant.Name + " = value };");
        writer.CloseBlock();
    }

    private static void EmitToString(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        writer.Summary("Returns the type name and the variant that is set, or the JSON when none is.");
        writer.DocElement("returns", "The text.");
        writer.OpenBlock("public override string ToString()");
        foreach (var variant in schema.Union!.Variants)
        {
            writer.OpenBlock("if (" + variant.Name + " is not null)");
            writer.Line("return " + SourceWriter.Literal(schema.TypeName + " { " + variant.Name + " = ") + " + " + context.Json + ".Format(" + variant.Name + ") + \" }\";");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("return " + SourceWriter.Literal(schema.TypeName + " { Json = ") + " + " + context.Json + ".Format(Json) + \" }\";");
        writer.CloseBlock();
    }

    private static void EmitConverter(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        var type = ConverterEmitter.OpenConverterClass(writer, context, schema);
        writer.OpenBlock("public override " + type + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("var json = " + JsonElement + ".ParseValue(ref reader);");
        if (DiscriminatorOf(schema.Union!) is { } discriminator)
        {
            EmitReadByDiscriminator(writer, context, schema, discriminator);
        }
        else
        {
            EmitReadByShape(writer, context, schema);
        }

        writer.Line();
        writer.Line("return new " + type + "(json);");
        writer.CloseBlock();
        writer.Line();
        EmitWrite(writer, context, schema, type);
        EmitVariantReaders(writer, context, schema);
        writer.CloseBlock();
    }

    /// <summary>
    /// Returns the discriminator property when some variant has a value for it. Inline variants without a
    /// <c>mapping</c> have none, so such a union is read by shape instead.
    /// </summary>
    private static string? DiscriminatorOf(UnionModel union) =>
        union.Variants.Any(variant => variant.DiscriminatorValues.Count > 0) ? union.DiscriminatorProperty : null;

    private static void EmitReadByDiscriminator(SourceWriter writer, EmitContext context, SchemaModel schema, string discriminator)
    {
        var condition = "json.ValueKind == global::System.Text.Json.JsonValueKind.Object && json.TryGetProperty(" + SourceWriter.Literal(discriminator)
            + ", out var tag) && tag.ValueKind == global::System.Text.Json.JsonValueKind.String";
        writer.OpenBlock("if (" + condition + ")");
        writer.Line("var discriminatorValue = tag.GetString();");
        writer.OpenBlock("try");
        writer.OpenBlock("switch (discriminatorValue)");
        foreach (var variant in schema.Union!.Variants.Where(variant => variant.DiscriminatorValues.Count > 0))
        {
            foreach (var value in variant.DiscriminatorValues)
            {
                writer.Line("case " + SourceWriter.Literal(value) + ":");
            }

            writer.Line("    return new " + context.Qualified(schema.TypeName) + "(json) { " + variant.Name + " = " + ReadVariant(context, variant) + " };");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Text.Json.JsonException exception)");
        var arguments = new[] { schema.TypeName, ExpectedVariants(schema.Union!), discriminator }.Select(SourceWriter.Literal);
        writer.Line("throw " + context.Json + ".VariantFailed(exception, " + string.Join(", ", arguments) + ", discriminatorValue);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>Describes the variants of a union for an error message, with their discriminator values when it has them.</summary>
    public static string ExpectedVariants(EmitContext context, string unionName) =>
        context.Document.Schemas.FirstOrDefault(schema => schema.TypeName == unionName)?.Union is { } union ? ExpectedVariants(union) : "a value of its variants";

    private static string ExpectedVariants(UnionModel union)
    {
        var discriminator = DiscriminatorOf(union);
        var names = union.Variants
            .Select(variant => discriminator is null || variant.DiscriminatorValues.Count == 0
                ? variant.Name
                : variant.Name + " (" + discriminator + " " + string.Join(" or ", variant.DiscriminatorValues.Select(value => "'" + value + "'")) + ")")
            .ToList();
        if (names.Count == 1)
        {
            return names[0];
        }

        return "one of " + string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }

    private static void EmitReadByShape(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        foreach (var variant in schema.Union!.Variants)
        {
            var conditions = new System.Collections.Generic.List<string>();
            if (KindCondition(variant.JsonKind) is { } kind)
            {
                conditions.Add(kind);
            }

            if (variant.RequiredProperties.Count > 0)
            {
                conditions.Add(context.Json + ".HasMembers(json, " + string.Join(", ", variant.RequiredProperties.Select(SourceWriter.Literal)) + ")");
            }

            writer.Line();
            writer.OpenBlock(conditions.Count == 0 ? "try" : "if (" + string.Join(" && ", conditions) + ")");
            if (conditions.Count > 0)
            {
                writer.OpenBlock("try");
            }

            writer.Line("return new " + context.Qualified(schema.TypeName) + "(json) { " + variant.Name + " = " + ReadVariant(context, variant) + " };");
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.Text.Json.JsonException)");
            writer.Line("// The value has the variant's kind but not its content; the next variant may fit.");
            writer.CloseBlock();
            if (conditions.Count > 0)
            {
                writer.CloseBlock();
            }
        }
    }

    private static string ReadVariant(EmitContext context, UnionVariantModel variant) =>
        context.Json + ".ReadVariant<" + TypeSyntax.Of(variant.Type, context.Namespace) + ">(json, options, Read" + variant.Name + ")";

    /// <summary>Emits one method per variant that reads the variant's type, which <c>OpenApiJson.ReadVariant</c> calls.</summary>
    private static void EmitVariantReaders(SourceWriter writer, EmitContext context, SchemaModel schema)
    {
        foreach (var variant in schema.Union!.Variants)
        {
            var read = ConverterEmitter.ReadItem(context, variant.Type, schema.TypeName, "reader", "options", 0);
            writer.Line();
            writer.Line("private static " + TypeSyntax.Of(variant.Type, context.Namespace) + " Read" + variant.Name + "(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options) =>");
            writer.Line("    " + read + ";");
        }
    }

    private static string? KindCondition(UnionJsonKind kind) =>
        kind switch
        {
            UnionJsonKind.Object => "json.ValueKind == global::System.Text.Json.JsonValueKind.Object",
            UnionJsonKind.Array => "json.ValueKind == global::System.Text.Json.JsonValueKind.Array",
            UnionJsonKind.String => "json.ValueKind == global::System.Text.Json.JsonValueKind.String",
            UnionJsonKind.Number => "json.ValueKind == global::System.Text.Json.JsonValueKind.Number",
            UnionJsonKind.Boolean => "json.ValueKind is global::System.Text.Json.JsonValueKind.True or global::System.Text.Json.JsonValueKind.False",
            _ => null,
        };

    /// <summary>
    /// Returns the discriminator property when the union is read by discriminator and the variant is a class that
    /// does not declare that property, so the union has to write it for the JSON to be read back as this variant.
    /// </summary>
    private static string? UndeclaredDiscriminator(EmitContext context, UnionModel union, UnionVariantModel variant)
    {
        if (DiscriminatorOf(union) is not { } discriminator || variant.DiscriminatorValues.Count == 0 || variant.Type.Kind != TypeKind.Model)
        {
            return null;
        }

        var variantSchema = context.Document.Schemas.FirstOrDefault(candidate => candidate.TypeName == variant.Type.ModelName);
        return variantSchema is not null && variantSchema.AllProperties.Any(property => property.JsonName == discriminator) ? null : discriminator;
    }

    /// <summary>
    /// Writes the variant with the discriminator value first: the value the union was read with when it selects
    /// this variant, so an alias stays as the service sent it, or else the variant's first value.
    /// </summary>
    private static void WriteWithDiscriminator(SourceWriter writer, EmitContext context, UnionVariantModel variant, string discriminator)
    {
        var name = SourceWriter.Literal(discriminator);
        var pattern = string.Join(" or ", variant.DiscriminatorValues.Select(SourceWriter.Literal));
        writer.Line("var discriminator = " + context.Json + ".StringMember(value.Json, " + name + ");");
        writer.Line(
            context.Json + ".WriteWithDiscriminator(writer, " + name + ", discriminator is " + pattern + " ? discriminator : " + SourceWriter.Literal(variant.DiscriminatorValues[0])
            + ", value." + variant.Name + ", " + context.Qualified(variant.Type.ModelName!) + ".JsonConverter.Instance, options);");
    }

    private static void EmitWrite(SourceWriter writer, EmitContext context, SchemaModel schema, string type)
    {
        writer.OpenBlock("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var variant in schema.Union!.Variants)
        {
            writer.OpenBlock("if (value." + variant.Name + " is not null)");
            if (UndeclaredDiscriminator(context, schema.Union!, variant) is { } discriminator)
            {
                WriteWithDiscriminator(writer, context, variant, discriminator);
            }
            else
            {
                ConverterEmitter.WriteMaybeNull(writer, context, variant.Type, "value." + variant.Name + (variant.Type.IsValueType ? ".Value" : string.Empty), isNullable: false, 0);
            }

            writer.Line("return;");
            writer.CloseBlock();
            writer.Line();
        }

        writer.OpenBlock("if (value.Json.ValueKind == global::System.Text.Json.JsonValueKind.Undefined)");
        writer.Line("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.Line("value.Json.WriteTo(writer);");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
