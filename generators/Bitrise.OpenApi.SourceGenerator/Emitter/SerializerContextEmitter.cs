using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Emits <c>{ClientName}JsonSerializerContext</c>: an <c>IJsonTypeInfoResolver</c> that hands out a
/// <c>JsonTypeInfo&lt;T&gt;</c> built from each model's generated converter, and one for each body type that is not a
/// model, so serialization needs no reflection.
/// </summary>
internal static class SerializerContextEmitter
{
    public static string Emit(EmitContext context)
    {
        var document = context.Document;
        var name = document.SerializerContextName;
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);
        writer.Summary("Resolves the JSON contracts of the models of <see cref=\"" + document.ClientName + "\"/> from generated converters, without reflection.", isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " sealed partial class " + name + " : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        writer.Summary("Creates a resolver with its own read-only <see cref=\"Options\"/>.", isXml: true);
        writer.OpenBlock("public " + name + "()");
        writer.Line("var options = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = this };");
        writer.Line("options.MakeReadOnly();");
        writer.Line("Options = options;");
        writer.CloseBlock();
        writer.Line();
        writer.Summary("Gets the shared instance that the client uses.");
        writer.Line("public static " + name + " Default { get; } = new " + name + "();");
        writer.Line();
        writer.Summary("Gets the serializer options that resolve the models through this instance.");
        writer.Line("public global::System.Text.Json.JsonSerializerOptions Options { get; }");

        foreach (var schema in document.Schemas)
        {
            writer.Line();
            writer.Summary("Gets the JSON contract of <see cref=\"" + context.Qualified(schema.TypeName) + "\"/>.", isXml: true);
            writer.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + context.Qualified(schema.TypeName) + "> " + schema.TypeName
                + " => (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + context.Qualified(schema.TypeName) + ">)Options.GetTypeInfo(typeof(" + context.Qualified(schema.TypeName) + "));");
        }

        writer.Line();
        writer.Summary("Returns the contract of a generated model or of a request or response body type of the operations, or <c>null</c> for any other type.", isXml: true);
        writer.ParamDoc("type", "The type to serialize.");
        writer.ParamDoc("options", "The options the contract is created for.");
        writer.DocElement("returns", "The contract, or <c>null</c>.", isXml: true);
        writer.OpenBlock("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var schema in document.Schemas)
        {
            var type = context.Qualified(schema.TypeName);
            writer.OpenBlock("if (type == typeof(" + type + "))");
            writer.Line("return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<" + type + ">(options, " + type + ".JsonConverter.Instance);");
            writer.CloseBlock();
            writer.Line();
        }

        foreach (var body in BodyTypes(document))
        {
            EmitBodyTypeInfo(writer, context, body);
            writer.Line();
        }

        writer.Line("return null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// Returns the request and response body types that are not generated models (arrays, primitives and
    /// <c>JsonElement</c>), one per runtime type, in ordinal order of their C# names.
    /// </summary>
    /// <remarks>
    /// <c>IReadOnlyList&lt;string&gt;</c> and <c>IReadOnlyList&lt;string?&gt;</c> are one runtime type, so they share
    /// one contract; it reads JSON <c>null</c> items when any of the operations allows them.
    /// </remarks>
    private static IReadOnlyList<TypeModel> BodyTypes(OpenApiDocumentModel document)
    {
        var byRuntimeType = new SortedDictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var operation in document.Operations)
        {
            foreach (var body in operation.JsonBodyTypes())
            {
                if (body.IsGenerated)
                {
                    continue;
                }

                var key = TypeSyntax.RuntimeOf(body, document.Namespace);
                var root = body with { IsNullable = false };
                byRuntimeType[key] = byRuntimeType.TryGetValue(key, out var known) ? AllowNullItems(known, root) : root;
            }
        }

        return byRuntimeType.Values.ToList();
    }

    /// <summary>Merges two array types of one runtime type, keeping an item nullable when either allows <c>null</c>.</summary>
    private static TypeModel AllowNullItems(TypeModel first, TypeModel second) =>
        first.Item is null || second.Item is null
            ? first
            : first with { Item = AllowNullItems(first.Item, second.Item) with { IsNullable = first.Item.IsNullable || second.Item.IsNullable } };

    private static void EmitBodyTypeInfo(SourceWriter writer, EmitContext context, TypeModel body)
    {
        var type = TypeSyntax.Of(body, context.Namespace);
        writer.OpenBlock("if (type == typeof(" + TypeSyntax.RuntimeOf(body, context.Namespace) + "))");
        // System.Text.Json has no DateOnly converter before .NET 7, so a date body reads and writes as a property does.
        if (body.Kind is TypeKind.Map or TypeKind.Date)
        {
            var read = ConverterEmitter.ReadNullable(context, body, "$", "bodyReader", "bodyOptions", 0) + " ?? throw " + context.Json + ".NullValue(" + SourceWriter.Literal("$") + ")";
            writer.Line(context.Json + ".ItemReader<" + type + "> readBody = static (ref global::System.Text.Json.Utf8JsonReader bodyReader, global::System.Text.Json.JsonSerializerOptions bodyOptions) => " + read + ";");
            writer.Line(context.Json + ".ItemWriter<" + type + "> writeBody = static (writer, body, options) =>");
            writer.OpenBlock();
            ConverterEmitter.WriteMaybeNull(writer, context, body, "body", isNullable: false, 1);
            writer.CloseBlock(";");
            writer.Line("return " + MetadataServices + ".CreateValueInfo<" + type + ">(options, new " + context.Json + ".BodyConverter<" + type + ">(readBody, writeBody));");
            writer.CloseBlock();
            return;
        }

        if (body.Kind != TypeKind.Array)
        {
            writer.Line("return " + MetadataServices + ".CreateValueInfo<" + type + ">(options, " + MetadataServices + "." + BuiltInConverter(body.Kind) + ");");
            writer.CloseBlock();
            return;
        }

        // The item code is the one the model converters use for an array property, with "$[]" as the JSON path.
        var item = body.Item!;
        var itemType = TypeSyntax.Of(item, context.Namespace, item.IsNullable);
        var readItem = ConverterEmitter.ReadItem(context, item, "$[]", "itemReader0", "itemOptions0", 1);

        writer.Line(context.Json + ".ItemReader<" + itemType + "> readItem = static (ref global::System.Text.Json.Utf8JsonReader itemReader0, global::System.Text.Json.JsonSerializerOptions itemOptions0) => " + readItem + ";");
        writer.Line(context.Json + ".ItemWriter<" + itemType + "> writeItem = static (writer, item0, options) =>");
        writer.OpenBlock();
        ConverterEmitter.WriteMaybeNull(writer, context, item, "item0", item.IsNullable, 1);
        writer.CloseBlock(";");
        writer.Line("return " + MetadataServices + ".CreateValueInfo<" + type + ">(options, new " + context.Json + ".ArrayBodyConverter<" + itemType + ">(readItem, writeItem));");
        writer.CloseBlock();
    }

    /// <summary>Names the converter that System.Text.Json provides for a primitive or <c>JsonElement</c>, for use without reflection.</summary>
    private static string BuiltInConverter(TypeKind kind) =>
        kind switch
        {
            TypeKind.String => "StringConverter",
            TypeKind.Boolean => "BooleanConverter",
            TypeKind.Int32 => "Int32Converter",
            TypeKind.Int64 => "Int64Converter",
            TypeKind.Double => "DoubleConverter",
            TypeKind.DateTimeOffset => "DateTimeOffsetConverter",
            TypeKind.Guid => "GuidConverter",
            TypeKind.Bytes => "ByteArrayConverter",
            TypeKind.Json => "JsonElementConverter",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a type kind with a built-in converter."),
        };

    private const string MetadataServices = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices";
}
