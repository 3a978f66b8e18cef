using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Emits <c>{ClientName}JsonSerializerContext</c>: an <c>IJsonTypeInfoResolver</c> that hands out a
/// <c>JsonTypeInfo&lt;T&gt;</c> built from each model's generated converter, so serialization needs no reflection.
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
        writer.OpenBlock("public sealed partial class " + name + " : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
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
            writer.Summary("Gets the JSON contract of <see cref=\"" + context.Qualified(schema.TypeName).Substring("global::".Length) + "\"/>.", isXml: true);
            writer.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + context.Qualified(schema.TypeName) + "> " + schema.TypeName
                + " => (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + context.Qualified(schema.TypeName) + ">)Options.GetTypeInfo(typeof(" + context.Qualified(schema.TypeName) + "));");
        }

        writer.Line();
        writer.Summary("Returns the contract of a generated model, or <c>null</c> for any other type.", isXml: true);
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

        writer.Line("return null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
