using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Emits the result type of an operation whose 2xx responses have different bodies, and the local function of
/// its client method that reads a response into it.
/// </summary>
internal static class ResultEmitter
{
    /// <summary>The name of the local function that <see cref="EmitReader"/> declares in the client method.</summary>
    public const string ReaderName = "ReadResultAsync";

    public static string Emit(EmitContext context, OperationModel operation)
    {
        var resultType = operation.ResultType!;
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);
        writer.Summary(
            "The result of <c>" + SourceWriter.XmlEscape(operation.HttpMethod + " " + operation.Path) + "</c>, whose 2xx responses have different bodies: "
            + "the status code, and the body in the property for that status. The other properties are <c>null</c>.",
            isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " sealed partial class " + resultType.TypeName);
        writer.Summary("Creates a result for the status code, with no body set.");
        writer.OpenBlock("public " + resultType.TypeName + "(int statusCode)");
        writer.Line("StatusCode = statusCode;");
        writer.CloseBlock();
        writer.Line();
        writer.Summary("The HTTP status code of the response, for example 200.");
        writer.Line("public int StatusCode { get; }");
        foreach (var property in resultType.Properties)
        {
            writer.Line();
            writer.Summary(PropertyDoc(operation, property), isXml: true);
            writer.Line("public " + PropertyType(context, property.Body) + " " + property.Name + " { get; set; }");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// Writes the local function that creates the result for the response's status and reads the body into the
    /// property of that status. Exact codes come first, then ranges such as <c>2XX</c>. A status with no body
    /// leaves every property <c>null</c>.
    /// </summary>
    public static void EmitReader(SourceWriter writer, EmitContext context, OperationModel operation)
    {
        var resultType = operation.ResultType!;
        var typeName = context.Qualified(resultType.TypeName);
        writer.OpenBlock("static async global::System.Threading.Tasks.Task<" + typeName + "> " + ReaderName + "(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken token)");
        writer.Line("var result = new " + typeName + "((int)response.StatusCode);");
        writer.OpenBlock("switch (result.StatusCode)");
        foreach (var property in resultType.Properties.Where(property => property.StatusCodes.Any(ClientEmitter.IsStatusNumber)))
        {
            EmitCase(writer, context, property, property.StatusCodes.Where(ClientEmitter.IsStatusNumber));
        }

        // An exact status without a body comes before a range with one, which would otherwise read it.
        var bodiless = operation.SuccessResponses.Where(response => response.Body is null && ClientEmitter.IsStatusNumber(response.StatusCode)).ToList();
        var ranges = resultType.Properties.Where(property => property.StatusCodes.Any(status => !ClientEmitter.IsStatusNumber(status))).ToList();
        if (ranges.Count > 0 && bodiless.Count > 0)
        {
            foreach (var response in bodiless)
            {
                writer.Line("case " + response.StatusCode + ":");
            }

            writer.Line("    break;");
        }

        foreach (var property in ranges)
        {
            EmitCase(writer, context, property, property.StatusCodes.Where(status => !ClientEmitter.IsStatusNumber(status)));
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("return result;");
        writer.CloseBlock();
    }

    private static void EmitCase(SourceWriter writer, EmitContext context, ResultPropertyModel property, IEnumerable<string> statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            writer.Line("case " + ClientEmitter.StatusPattern(statusCode) + ":");
        }

        var read = property.Body.Kind == BodyKind.Json
            ? "ReadJsonAsync(response, " + ClientEmitter.JsonTypeInfo(context, property.Body.Type!) + ", token)"
            : "ReadTextAsync(response, token)";
        writer.Line("    result." + property.Name + " = await " + read + ".ConfigureAwait(false);");
        writer.Line("    break;");
    }

    private static string PropertyDoc(OperationModel operation, ResultPropertyModel property)
    {
        var statuses = string.Join(", ", property.StatusCodes);
        var description = operation.SuccessResponses.FirstOrDefault(response => response.StatusCode == property.StatusCodes[0])?.Description;
        var text = string.IsNullOrWhiteSpace(description) ? string.Empty : SourceWriter.XmlEscape(description!.Trim().TrimEnd('.')) + ". ";
        return text + "The body of the " + statuses + " response" + (property.StatusCodes.Count > 1 ? "s" : string.Empty) + ", or <c>null</c> for another status.";
    }

    private static string PropertyType(EmitContext context, BodyModel body) =>
        body.Kind == BodyKind.Json ? TypeSyntax.Nullable(body.Type!, context.Namespace) : "string?";
}
