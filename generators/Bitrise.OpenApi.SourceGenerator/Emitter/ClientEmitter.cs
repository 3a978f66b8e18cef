using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>Emits the client interface and the client class with one method per operation.</summary>
internal static class ClientEmitter
{
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string Stream = "global::System.IO.Stream";

    public static string EmitInterface(EmitContext context)
    {
        var document = context.Document;
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);
        writer.Summary(document.Title is null
            ? "Calls the operations of the API."
            : "Calls the operations of " + document.Title + ".");
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " partial interface " + document.InterfaceName);
        var first = true;
        foreach (var operation in document.Operations)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitDocs(writer, context, operation);
            writer.Line(Signature(context, operation) + ";");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    public static string EmitClient(EmitContext context)
    {
        var document = context.Document;
        var writer = new SourceWriter();
        writer.FileHeader();
        writer.OpenBlock("namespace " + context.Namespace);
        var summary = "Calls the operations of the API over an <see cref=\"global::System.Net.Http.HttpClient\"/> whose <see cref=\"global::System.Net.Http.HttpClient.BaseAddress\"/> is the server URL.";
        if (document.ServerUrl is { } serverUrl)
        {
            summary += "\nThe document's server URL is <c>" + SourceWriter.XmlEscape(serverUrl) + "</c>: set the base address to it, path included, because the operations' paths start after it.";
        }

        writer.Summary(summary, isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " partial class " + document.ClientName + " : " + context.Qualified(document.InterfaceName));
        writer.Line("private const int ResponseExcerptLength = 512;");
        writer.Line("private const int ServiceMessageLength = 512;");
        writer.Line("private const int MessageExcerptLength = 200;");
        writer.Line("private const int ErrorBodyByteLimit = 1048576;");
        writer.Line("private const int ResponseBodyLength = 4096;");
        writer.Line();
        writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        writer.Line();
        writer.Summary("Creates a client that sends its requests through <paramref name=\"httpClient\"/>.", isXml: true);
        writer.ParamDoc("httpClient", "The client that sends the requests. Its <see cref=\"global::System.Net.Http.HttpClient.BaseAddress\"/> must be set; a path in it (such as <c>/v0.1</c>) is kept.", isXml: true);
        writer.DocElement("exception", "<paramref name=\"httpClient\"/> is <c>null</c>.", " cref=\"global::System.ArgumentNullException\"", isXml: true);
        writer.OpenBlock("public " + document.ClientName + "(global::System.Net.Http.HttpClient httpClient)");
        writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        writer.CloseBlock();

        foreach (var operation in document.Operations)
        {
            writer.Line();
            EmitMethod(writer, context, operation);
        }

        writer.Line();
        EmitHelpers(writer, context);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string ReturnType(EmitContext context, OperationModel operation)
    {
        if (operation.ResultType is not null)
        {
            return "global::System.Threading.Tasks.Task<" + context.Qualified(operation.ResultType.TypeName) + ">";
        }

        return operation.Result is null
            ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + ResultType(context, operation) + ">";
    }

    private static string ReturnsDoc(EmitContext context, OperationModel operation)
    {
        if (operation.ResultType is not null)
        {
            return "The status code of the response, with its body in the property of <see cref=\"" + context.Qualified(operation.ResultType.TypeName) + "\"/> for that status.";
        }

        var text = operation.Result!.Kind switch
        {
            BodyKind.Text => "The response body as text.",
            BodyKind.Binary => "The response body as a stream that reads from the connection as the caller reads it, without buffering. Disposing the stream releases the response.",
            _ => "The response body.",
        };
        if (operation.IsResultOptional)
        {
            var bodiless = operation.SuccessResponses.Where(response => response.Body is null).Select(response => response.StatusCode);
            text += " <c>null</c> for the responses without a body (" + string.Join(", ", bodiless) + ").";
        }

        return text;
    }

    private static string ResultType(EmitContext context, OperationModel operation) =>
        BodyType(context, operation.Result!) + (operation.IsResultOptional ? "?" : string.Empty);

    /// <summary>Returns the C# type of a body: its JSON type, <c>string</c> for text, <c>Stream</c> for the rest.</summary>
    private static string BodyType(EmitContext context, BodyModel body) =>
        body.Kind switch
        {
            BodyKind.Json => TypeSyntax.Of(body.Type!, context.Namespace),
            BodyKind.Text => "string",
            _ => Stream,
        };

    private static string Signature(EmitContext context, OperationModel operation)
    {
        var parameters = operation.Parameters
            .Where(parameter => parameter.Location == ParameterLocation.Path)
            .Select(parameter => TypeSyntax.Of(parameter.Type, context.Namespace) + " " + parameter.Name)
            .ToList();
        if (operation.RequestBody is { Body.Kind: not (BodyKind.FormUrlEncoded or BodyKind.Multipart) } body)
        {
            parameters.Add(BodyType(context, body.Body) + " request");
        }

        // C# wants the optional parameters last, so required form fields and parameters come first.
        foreach (var isRequired in new[] { true, false })
        {
            foreach (var field in Fields(operation).Where(field => field.IsRequired == isRequired))
            {
                var type = field.IsFile ? Stream : TypeSyntax.Of(field.Type, context.Namespace);
                parameters.Add(isRequired ? type + " " + field.Name : type + "? " + field.Name + " = null");
            }

            foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location != ParameterLocation.Path && parameter.IsRequired == isRequired))
            {
                parameters.Add(isRequired
                    ? TypeSyntax.Of(parameter.Type, context.Namespace) + " " + parameter.Name
                    : TypeSyntax.Nullable(parameter.Type, context.Namespace) + " " + parameter.Name + " = null");
            }
        }

        // The file names come last, so a call that passes the other optional arguments by position still compiles.
        foreach (var (field, fileNameParameter) in FileNameParameters(operation))
        {
            parameters.Add("string? " + fileNameParameter + " = null");
        }

        parameters.Add(CancellationToken + " cancellationToken = default");
        return ReturnType(context, operation) + " " + operation.MethodName + "(" + string.Join(", ", parameters) + ")";
    }

    /// <summary>Returns each file field of a multipart body with the name of the parameter that sets its file name.</summary>
    private static IEnumerable<(FormFieldModel Field, string Parameter)> FileNameParameters(OperationModel operation)
    {
        if (operation.RequestBody is not { Body.Kind: BodyKind.Multipart })
        {
            return Enumerable.Empty<(FormFieldModel, string)>();
        }

        var usedNames = new HashSet<string>(operation.Parameters.Select(parameter => parameter.Name.TrimStart('@')), StringComparer.Ordinal);
        usedNames.UnionWith(Fields(operation).Select(field => field.Name.TrimStart('@')));
        usedNames.Add("cancellationToken");
        var result = new List<(FormFieldModel, string)>();
        foreach (var field in Fields(operation).Where(field => field.IsFile))
        {
            var name = field.Name.TrimStart('@') + "FileName";
            while (!usedNames.Add(name))
            {
                name += "_";
            }

            result.Add((field, name));
        }

        return result;
    }

    private static EquatableArray<FormFieldModel> Fields(OperationModel operation) =>
        operation.RequestBody?.Fields ?? default;

    private static void EmitDocs(SourceWriter writer, EmitContext context, OperationModel operation)
    {
        var request = operation.HttpMethod + " " + operation.Path;
        writer.Summary(string.IsNullOrWhiteSpace(operation.Summary)
            ? request
            : operation.Summary!.Trim().TrimEnd('.') + " (" + request + ").");
        if (!string.IsNullOrWhiteSpace(operation.Description) && operation.Description != operation.Summary)
        {
            writer.DocElement("remarks", operation.Description!);
        }

        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Path))
        {
            ParameterDoc(writer, parameter);
        }

        if (operation.RequestBody is { Body.Kind: not (BodyKind.FormUrlEncoded or BodyKind.Multipart) } body)
        {
            writer.ParamDoc("request", body.Description ?? "The request body, sent as <c>" + SourceWriter.XmlEscape(body.Body.MediaType) + "</c>.", isXml: body.Description is null);
        }

        foreach (var isRequired in new[] { true, false })
        {
            foreach (var field in Fields(operation).Where(field => field.IsRequired == isRequired))
            {
                if (field.Description is not null)
                {
                    writer.ParamDoc(field.Name, field.Description);
                }
                else
                {
                    var kind = field.IsFile ? "file" : "form field";
                    writer.ParamDoc(field.Name, "The <c>" + SourceWriter.XmlEscape(field.WireName) + "</c> " + kind + (field.IsRequired ? "." : "; not sent when <c>null</c>."), isXml: true);
                }
            }

            foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location != ParameterLocation.Path && parameter.IsRequired == isRequired))
            {
                ParameterDoc(writer, parameter);
            }
        }

        foreach (var (field, fileNameParameter) in FileNameParameters(operation))
        {
            writer.ParamDoc(
                fileNameParameter,
                "The file name sent for <paramref name=\"" + field.Name.TrimStart('@') + "\"/> in its part's <c>Content-Disposition</c>; by default the file name of a "
                + "<c>FileStream</c> opened by path, or else <c>" + SourceWriter.XmlEscape(field.WireName) + "</c>.",
                isXml: true);
        }

        writer.ParamDoc("cancellationToken", "The token that cancels the request.");
        if (operation.Result is not null || operation.ResultType is not null)
        {
            writer.DocElement("returns", ReturnsDoc(context, operation), isXml: true);
        }

        if (RequiredReferences(operation).Any())
        {
            writer.DocElement("exception", "A required parameter or the request body is <c>null</c>.", " cref=\"global::System.ArgumentNullException\"", isXml: true);
        }

        writer.DocElement(
            "exception",
            operation.ErrorResponses.Any(response => response.Body?.Type is not null)
                ? "The service returned a status outside 2xx (the exception's <c>ErrorBody</c> has the error body the document declares for it), or a body that is not valid JSON for the expected type."
                : "The service returned a status outside 2xx, or a body that is not valid JSON for the expected type.",
            " cref=\"" + context.Qualified(context.Document.ExceptionName) + "\"",
            isXml: true);
    }

    private static void ParameterDoc(SourceWriter writer, ParameterModel parameter)
    {
        var location = parameter.Location.ToString().ToLowerInvariant();
        if (parameter.Description is not null)
        {
            writer.ParamDoc(parameter.Name, parameter.Description);
            return;
        }

        var text = "The <c>" + SourceWriter.XmlEscape(parameter.WireName) + "</c> " + location + " parameter" + (parameter.IsRequired ? "." : "; not sent when <c>null</c>.");
        writer.ParamDoc(parameter.Name, text, isXml: true);
    }

    private static void EmitMethod(SourceWriter writer, EmitContext context, OperationModel operation)
    {
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock("public virtual " + Signature(context, operation));
        foreach (var name in RequiredReferences(operation))
        {
            writer.OpenBlock("if (" + name + " is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(" + name + "));");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("var requestBuilder = new RequestBuilder(global::System.Net.Http.HttpMethod." + HttpMethodProperty(operation.HttpMethod) + ", " + SourceWriter.Literal(AcceptedMediaTypes(operation)) + ");");
        EmitPath(writer, context, operation);
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location != ParameterLocation.Path))
        {
            var add = parameter.Location switch
            {
                ParameterLocation.Query => "requestBuilder.AppendQuery(",
                ParameterLocation.Header => "requestBuilder.AddHeader(",
                _ => "requestBuilder.AddCookie(",
            };
            writer.Line(add + SourceWriter.Literal(parameter.WireName) + ", " + ValueExpression(context, parameter) + ", " + StyleArguments(parameter) + ");");
        }

        if (operation.RequestBody is not null)
        {
            EmitRequestBody(writer, context, operation);
        }

        writer.Line();
        writer.Line("return SendAsync(requestBuilder, " + ResultReader(context, operation) + ", " + ErrorBodyReader(context, operation) + ", cancellationToken);");
        if (operation.ResultType is not null)
        {
            writer.Line();
            ResultEmitter.EmitReader(writer, context, operation);
        }

        writer.CloseBlock();
    }

    private static void EmitRequestBody(SourceWriter writer, EmitContext context, OperationModel operation)
    {
        var requestBody = operation.RequestBody!;
        var body = requestBody.Body;
        var mediaType = SourceWriter.Literal(body.MediaType);
        switch (body.Kind)
        {
            case BodyKind.Json:
                writer.Line("requestBuilder.SetJsonContent(request, " + JsonTypeInfo(context, body.Type!) + ");");
                break;
            case BodyKind.Text:
                writer.Line("requestBuilder.SetTextContent(request, " + mediaType + ");");
                break;
            case BodyKind.Binary:
                writer.Line("requestBuilder.SetStreamContent(request, " + mediaType + ");");
                break;
            default:
                writer.Line("requestBuilder.StartForm(multipart: " + (body.Kind == BodyKind.Multipart ? "true" : "false") + ");");
                var fileNames = FileNameParameters(operation).ToDictionary(entry => entry.Field.Name, entry => entry.Parameter, StringComparer.Ordinal);
                foreach (var field in requestBody.Fields)
                {
                    writer.Line(field.IsFile
                        ? "requestBuilder.AddFormFile(" + SourceWriter.Literal(field.WireName) + ", " + field.Name + ", " + fileNames[field.Name] + ", nameof(" + fileNames[field.Name] + "));"
                        : "requestBuilder.AddFormField(" + SourceWriter.Literal(field.WireName) + ", " + FieldValue(context, field) + ");");
                }

                break;
        }
    }

    /// <summary>Returns the value of a form field: objects and untyped values are sent as their JSON text.</summary>
    private static string FieldValue(EmitContext context, FormFieldModel field) =>
        field.Type.Kind switch
        {
            TypeKind.Model => "ParameterValue.OfJsonText(" + field.Name + ", " + JsonTypeInfo(context, field.Type) + ")",
            TypeKind.Json => "ParameterValue.Of(" + field.Name + (field.IsRequired ? "" : "?") + ".GetRawText())",
            _ => "ParameterValue.Of(" + field.Name + ")",
        };

    /// <summary>
    /// Returns the <c>Accept</c> value: the media types of the bodies the operation's responses declare, in ordinal
    /// order, or <c>application/json</c> when they declare none, so that an error body comes as JSON.
    /// </summary>
    private static string AcceptedMediaTypes(OperationModel operation)
    {
        var mediaTypes = operation.SuccessResponses.Concat(operation.ErrorResponses)
            .Where(response => response.Body is not null && response.Body.MediaType != "*/*")
            .Select(response => response.Body!.MediaType)
            .Distinct()
            .OrderBy(mediaType => mediaType, System.StringComparer.Ordinal)
            .ToList();
        return mediaTypes.Count == 0 ? "application/json" : string.Join(", ", mediaTypes);
    }

    /// <summary>Returns the delegate that reads the result from a 2xx response.</summary>
    private static string ResultReader(EmitContext context, OperationModel operation)
    {
        if (operation.ResultType is not null)
        {
            return ResultEmitter.ReaderName;
        }

        if (operation.Result is null)
        {
            return "ReadNoBodyAsync";
        }

        var read = operation.Result.Kind switch
        {
            BodyKind.Json => "ReadJsonAsync(response, " + JsonTypeInfo(context, operation.Result.Type!) + ", token)",
            BodyKind.Text => "ReadTextAsync(response, token)",
            _ => "ReadStreamAsync(response, token)",
        };
        if (!operation.IsResultOptional)
        {
            return "static (response, token) => " + read;
        }

        // Statuses declared with a body are read, and the others return null. A range with a body (2XX) turns
        // this around: every status is read except those declared without one.
        var withBody = operation.SuccessResponses.Where(response => response.Body is not null).Select(response => response.StatusCode).ToList();
        var hasBodyRange = withBody.Any(status => !IsStatusNumber(status));
        var statuses = operation.SuccessResponses
            .Where(response => (response.Body is not null) != hasBodyRange && IsStatusNumber(response.StatusCode))
            .Select(response => response.StatusCode)
            .ToList();
        var empty = "default(" + ResultType(context, operation) + ")";
        if (statuses.Count == 0)
        {
            return "static async (response, token) => await " + read;
        }

        var condition = "(int)response.StatusCode is " + string.Join(" or ", statuses);
        return hasBodyRange
            ? "static async (response, token) => " + condition + " ? " + empty + " : await " + read
            : "static async (response, token) => " + condition + " ? await " + read + " : " + empty;
    }

    /// <summary>
    /// Returns the delegate that reads an error body as the type the document declares for the status, or
    /// <c>null</c> when no error response has a JSON body. Exact codes come first, then ranges, then <c>default</c>.
    /// </summary>
    private static string ErrorBodyReader(EmitContext context, OperationModel operation)
    {
        if (!operation.ErrorResponses.Any(response => response.Body?.Type is not null))
        {
            return "null";
        }

        var arms = new List<string>();
        foreach (var response in operation.ErrorResponses)
        {
            var pattern = response.StatusCode == "default" ? "_" : StatusPattern(response.StatusCode);
            var value = response.Body?.Type is { } type ? "ReadErrorBody(body, " + JsonTypeInfo(context, type) + ")" : "null";
            arms.Add(pattern + " => " + value);
        }

        if (operation.ErrorResponses.All(response => response.StatusCode != "default"))
        {
            arms.Add("_ => null");
        }

        return "static (status, body) => status switch { " + string.Join(", ", arms) + " }";
    }

    internal static bool IsStatusNumber(string statusCode) => statusCode.All(char.IsDigit);

    /// <summary>Returns the pattern that matches a status key: the code itself, or the range of a key such as <c>4XX</c>.</summary>
    internal static string StatusPattern(string statusCode) =>
        IsStatusNumber(statusCode)
            ? statusCode
            : ">= " + statusCode[0] + "00 and < " + (char)(statusCode[0] + 1) + "00";

    internal static string JsonTypeInfo(EmitContext context, TypeModel type) =>
        type.IsGenerated
            ? context.Qualified(context.Document.SerializerContextName) + ".Default." + type.ModelName
            : UntypedInfo(context, type);

    /// <summary>Returns the parameters that are checked for <c>null</c>: required ones of a reference type, and the request body.</summary>
    private static IEnumerable<string> RequiredReferences(OperationModel operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Path && !parameter.Type.IsValueType))
        {
            yield return parameter.Name;
        }

        if (operation.RequestBody is { Body: { Kind: not (BodyKind.FormUrlEncoded or BodyKind.Multipart) } body } && body.Type is not { IsValueType: true })
        {
            yield return "request";
        }

        foreach (var field in Fields(operation).Where(field => field.IsRequired && (field.IsFile || !field.Type.IsValueType)))
        {
            yield return field.Name;
        }

        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location != ParameterLocation.Path && parameter.IsRequired && !parameter.Type.IsValueType))
        {
            yield return parameter.Name;
        }
    }

    /// <summary>Appends the path template's literal parts and its parameters, in template order.</summary>
    private static void EmitPath(SourceWriter writer, EmitContext context, OperationModel operation)
    {
        var position = 0;
        foreach (Match match in Regex.Matches(operation.Path, "\\{([^}]+)\\}"))
        {
            if (match.Index > position)
            {
                writer.Line("requestBuilder.AppendPath(" + SourceWriter.Literal(operation.Path.Substring(position, match.Index - position)) + ");");
            }

            var parameter = operation.Parameters.First(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == match.Groups[1].Value);
            writer.Line("requestBuilder.AppendPath(" + SourceWriter.Literal(parameter.WireName) + ", " + ValueExpression(context, parameter) + ", " + StyleArguments(parameter) + ");");
            position = match.Index + match.Length;
        }

        if (position < operation.Path.Length)
        {
            writer.Line("requestBuilder.AppendPath(" + SourceWriter.Literal(operation.Path.Substring(position)) + ");");
        }
    }

    /// <summary>
    /// Returns the expression that turns a parameter into a <c>ParameterValue</c>: objects go through their JSON
    /// contract, so that each property is written under its JSON name.
    /// </summary>
    private static string ValueExpression(EmitContext context, ParameterModel parameter) =>
        parameter.Type.Kind switch
        {
            TypeKind.Model => "ParameterValue.OfObject(" + parameter.Name + ", " + JsonTypeInfo(context, parameter.Type) + ")",
            TypeKind.Json => "ParameterValue.OfJson(" + parameter.Name + ")",
            _ => "ParameterValue.Of(" + parameter.Name + ")",
        };

    private static string StyleArguments(ParameterModel parameter) =>
        "ParameterStyle." + parameter.Style + ", explode: " + (parameter.IsExploded ? "true" : "false");

    /// <summary>Returns a contract for a body that is not a generated model (an array or a primitive), built from the models' options.</summary>
    private static string UntypedInfo(EmitContext context, TypeModel type) =>
        "(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + TypeSyntax.Of(type, context.Namespace) + ">)"
        + context.Qualified(context.Document.SerializerContextName) + ".Default.Options.GetTypeInfo(typeof(" + TypeSyntax.Of(type, context.Namespace) + "))";

    private static string HttpMethodProperty(string method) =>
        method switch
        {
            "GET" => "Get",
            "POST" => "Post",
            "PUT" => "Put",
            "DELETE" => "Delete",
            "HEAD" => "Head",
            "OPTIONS" => "Options",
            "TRACE" => "Trace",
            "PATCH" => "Patch",
            _ => "Get",
        };

    private static void EmitHelpers(SourceWriter writer, EmitContext context)
    {
        var exception = context.Qualified(context.Document.ExceptionName);
        foreach (var line in ClientHelpersTemplate.Replace("{{Exception}}", exception).Replace("{{Namespace}}", context.Namespace).Split('\n'))
        {
            writer.Line(line.TrimEnd());
        }
    }

    private const string ClientHelpersTemplate = """
        /// <summary>
        /// Sends the request and reads a 2xx response with <paramref name="readBody"/>; any other status raises the
        /// exception, with the error body read by <paramref name="readErrorBody"/>. The response is disposed here unless
        /// the result is a stream over it, which then disposes it.
        /// </summary>
        private async global::System.Threading.Tasks.Task<TResult> SendAsync<TResult>(RequestBuilder requestBuilder, global::System.Func<global::System.Net.Http.HttpResponseMessage, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<TResult>> readBody, global::System.Func<int, string, object?>? readErrorBody, global::System.Threading.CancellationToken cancellationToken)
        {
            using var request = requestBuilder.Build(BaseAddress());
            var response = await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var isResponseKept = false;
            try
            {
                response.RequestMessage ??= request;
                if (!response.IsSuccessStatusCode)
                {
                    throw await CreateFailureAsync(request.Method, request.RequestUri!.AbsolutePath, response, readErrorBody, cancellationToken).ConfigureAwait(false);
                }

                var result = await readBody(response, cancellationToken).ConfigureAwait(false);
                isResponseKept = result is ResponseStream;
                return result;
            }
            finally
            {
                if (!isResponseKept)
                {
                    response.Dispose();
                }
            }
        }

        private static global::System.Threading.Tasks.Task<object?> ReadNoBodyAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) =>
            global::System.Threading.Tasks.Task.FromResult<object?>(null);

        private static async global::System.Threading.Tasks.Task<T> ReadJsonAsync<T>(global::System.Net.Http.HttpResponseMessage response, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, global::System.Threading.CancellationToken cancellationToken)
        {
            var method = response.RequestMessage!.Method;
            var requestPath = response.RequestMessage.RequestUri!.AbsolutePath;
            T? result;
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                result = await global::System.Text.Json.JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (global::System.Text.Json.JsonException exception)
            {
                var message = method.Method + " " + requestPath + " returned " + (int)response.StatusCode + " (" + response.StatusCode + ") with a body that is not valid JSON for " + typeof(T).Name + ": " + exception.Message;
                throw new {{Exception}}(message, method.Method, requestPath, response.StatusCode, null, null, exception);
            }

            if (result is null)
            {
                var message = method.Method + " " + requestPath + " returned " + (int)response.StatusCode + " (" + response.StatusCode + ") with a JSON null body where " + typeof(T).Name + " was expected.";
                throw new {{Exception}}(message, method.Method, requestPath, response.StatusCode, null, "null");
            }

            return result;
        }

        private static async global::System.Threading.Tasks.Task<string> ReadTextAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) =>
            await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        /// <summary>Returns the body as a stream that reads from the network and disposes the response when it is disposed.</summary>
        private static async global::System.Threading.Tasks.Task<global::System.IO.Stream> ReadStreamAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken) =>
            new ResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response);

        /// <summary>Reads an error body as <typeparamref name="T"/>, or returns <c>null</c> when it is empty or does not match.</summary>
        private static object? ReadErrorBody<T>(string body, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        {
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                return global::System.Text.Json.JsonSerializer.Deserialize(body, typeInfo);
            }
            catch (global::System.Text.Json.JsonException)
            {
                // The body does not match the declared schema or was cut at the read limit; ResponseBody keeps its start.
                return null;
            }
        }

        /// <summary>A response body stream that disposes its response, and so releases the connection, when it is disposed.</summary>
        private sealed class ResponseStream : global::System.IO.Stream
        {
            private readonly global::System.IO.Stream _content;
            private readonly global::System.Net.Http.HttpResponseMessage _response;

            public ResponseStream(global::System.IO.Stream content, global::System.Net.Http.HttpResponseMessage response)
            {
                _content = content;
                _response = response;
            }

            public override bool CanRead => _content.CanRead;

            public override bool CanSeek => _content.CanSeek;

            public override bool CanWrite => false;

            public override long Length => _content.Length;

            public override long Position
            {
                get => _content.Position;
                set => _content.Position = value;
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => _content.Read(buffer, offset, count);

            public override global::System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, global::System.Threading.CancellationToken cancellationToken) =>
                _content.ReadAsync(buffer, offset, count, cancellationToken);

            public override global::System.Threading.Tasks.ValueTask<int> ReadAsync(global::System.Memory<byte> buffer, global::System.Threading.CancellationToken cancellationToken = default) =>
                _content.ReadAsync(buffer, cancellationToken);

            public override long Seek(long offset, global::System.IO.SeekOrigin origin) => _content.Seek(offset, origin);

            public override void SetLength(long value) => throw new global::System.NotSupportedException("A response body cannot be written.");

            public override void Write(byte[] buffer, int offset, int count) => throw new global::System.NotSupportedException("A response body cannot be written.");

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _content.Dispose();
                    _response.Dispose();
                }

                base.Dispose(disposing);
            }
        }

        private global::System.Uri BaseAddress() =>
            _httpClient.BaseAddress ?? throw new global::System.InvalidOperationException("HttpClient.BaseAddress is not set; set it to the server URL, for example https://api.example.com/v1.");

        private static async global::System.Threading.Tasks.Task<{{Exception}}> CreateFailureAsync(global::System.Net.Http.HttpMethod method, string path, global::System.Net.Http.HttpResponseMessage response, global::System.Func<int, string, object?>? readErrorBody, global::System.Threading.CancellationToken cancellationToken)
        {
            var (bodyStart, cut) = await ReadErrorBodyStartAsync(response, cancellationToken).ConfigureAwait(false);
            var body = RedactSecrets(bodyStart, response.RequestMessage, cut);
            string? serviceMessage = null;
            try
            {
                using var document = global::System.Text.Json.JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == global::System.Text.Json.JsonValueKind.Object
                    && document.RootElement.TryGetProperty("message", out var messageElement)
                    && messageElement.ValueKind == global::System.Text.Json.JsonValueKind.String)
                {
                    serviceMessage = Shorten(messageElement.GetString() ?? string.Empty, ServiceMessageLength);
                }
            }
            catch (global::System.Text.Json.JsonException)
            {
                // The body is not JSON (a proxy's HTML page, for example) or is longer than the part read, so the excerpt shows it instead.
            }

            var excerpt = body.Length == 0 ? null : Shorten(body, ResponseExcerptLength);
            var status = method.Method + " " + path + " failed with " + (int)response.StatusCode + " (" + response.StatusCode + ")";
            string message;
            if (serviceMessage is not null)
            {
                message = status + ": " + serviceMessage;
            }
            else if (excerpt is null)
            {
                message = status + " and an empty body.";
            }
            else
            {
                var collapsed = global::System.Text.RegularExpressions.Regex.Replace(excerpt, @"\s+", " ").Trim();
                message = status + ". The body has no JSON \"message\" and starts with: " + Shorten(collapsed, MessageExcerptLength);
            }

            return new {{Exception}}(message, method.Method, path, response.StatusCode, serviceMessage, excerpt)
            {
                ResponseBody = body.Length == 0 ? null : Start(body, ResponseBodyLength),
                ErrorBody = readErrorBody?.Invoke((int)response.StatusCode, body),
            };
        }

        /// <summary>
        /// Reads at most <see cref="ErrorBodyByteLimit"/> bytes of an error body, so a large error page costs no more than
        /// that, into a buffer that grows with the body. <c>Cut</c> is true when the limit was reached, so the text may end
        /// in the middle of a value.
        /// </summary>
        private static async global::System.Threading.Tasks.Task<(string Text, bool Cut)> ReadErrorBodyStartAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new global::System.IO.MemoryStream();
            var chunk = new byte[8192];
            int read;
            while (buffer.Length < ErrorBodyByteLimit
                && (read = await stream.ReadAsync(chunk, 0, (int)global::System.Math.Min(chunk.Length, ErrorBodyByteLimit - buffer.Length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return (global::System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), buffer.Length >= ErrorBodyByteLimit);
        }

        /// <summary>Returns the first <paramref name="maxLength"/> characters of the text, without splitting a surrogate pair.</summary>
        private static string Start(string text, int maxLength)
        {
            if (text.Length <= maxLength)
            {
                return text;
            }

            var length = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
            return text.Substring(0, length);
        }

        /// <summary>
        /// Replaces the request's <c>Authorization</c> value and the query string of every URL in an error body with
        /// <c>[redacted]</c>, also where the body JSON-escapes them, so a service that echoes the request cannot put a
        /// token or a presigned URL's signature into a message. <paramref name="cut"/> is true when the body was cut at
        /// the read limit, so it may end with the start of the token.
        /// </summary>
        private static string RedactSecrets(string text, global::System.Net.Http.HttpRequestMessage? request, bool cut)
        {
            var secrets = new global::System.Collections.Generic.List<string>();
            if (request is not null && request.Headers.TryGetValues("Authorization", out var values))
            {
                foreach (var value in values)
                {
                    var space = value.IndexOf(' ');
                    secrets.Add((space < 0 ? value : value.Substring(space + 1)).Trim());
                }
            }

            return global::{{Namespace}}.OpenApiJson.RedactUrlQueries(global::{{Namespace}}.OpenApiJson.RedactSecrets(text, secrets, cut));
        }

        private static string Shorten(string text, int maxLength) =>
            text.Length <= maxLength ? text : text.Substring(0, maxLength - 1) + "\u2026";

        /// <summary>How a parameter is written, named as in the OpenAPI <c>style</c> field.</summary>
        private enum ParameterStyle
        {
            Simple,
            Label,
            Matrix,
            Form,
            SpaceDelimited,
            PipeDelimited,
            DeepObject,
        }

        /// <summary>
        /// A parameter as text: one value, the items of an array, or the properties of an object. Every value is
        /// formatted by <c>OpenApiJson.Format</c>, with the invariant culture.
        /// </summary>
        private readonly struct ParameterValue
        {
            private ParameterValue(string? single, global::System.Collections.Generic.List<string>? items, global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? properties)
            {
                Single = single;
                Items = items;
                Properties = properties;
            }

            public string? Single { get; }

            public global::System.Collections.Generic.List<string>? Items { get; }

            public global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? Properties { get; }

            /// <summary>Gets whether there is no value, so the parameter is not sent.</summary>
            public bool IsAbsent => Single is null && Items is null && Properties is null;

            public static ParameterValue Of<T>(T value)
            {
                if (value is null)
                {
                    return default;
                }

                if (value is global::System.Collections.IEnumerable items && value is not string)
                {
                    var texts = new global::System.Collections.Generic.List<string>();
                    foreach (var item in items)
                    {
                        texts.Add(item is null ? string.Empty : global::{{Namespace}}.OpenApiJson.Format(item));
                    }

                    return new ParameterValue(null, texts, null);
                }

                return new ParameterValue(global::{{Namespace}}.OpenApiJson.Format(value), null, null);
            }

            /// <summary>Takes the JSON text of an object, which a form field carries as one value.</summary>
            public static ParameterValue OfJsonText<T>(T? value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
                value is null ? default : Of(global::System.Text.Json.JsonSerializer.Serialize(value, typeInfo));

            public static ParameterValue OfObject<T>(T? value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
                value is null ? default : OfJson(global::System.Text.Json.JsonSerializer.SerializeToElement(value, typeInfo));

            /// <summary>
            /// Takes the properties of a JSON object, skipping <c>null</c> ones; a string property gives its text and
            /// any other its JSON (<c>42</c>, <c>true</c>, <c>[1,2]</c>).
            /// </summary>
            public static ParameterValue OfJson(global::System.Text.Json.JsonElement? value)
            {
                if (value is not { } element || element.ValueKind is global::System.Text.Json.JsonValueKind.Undefined or global::System.Text.Json.JsonValueKind.Null)
                {
                    return default;
                }

                if (element.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                {
                    return new ParameterValue(Text(element), null, null);
                }

                var properties = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind != global::System.Text.Json.JsonValueKind.Null)
                    {
                        properties.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(property.Name, Text(property.Value)));
                    }
                }

                return new ParameterValue(null, null, properties);
            }

            /// <summary>
            /// Returns the escaped parts: the value, each item, or each property as <c>name=value</c> when exploded and
            /// as <c>name</c> and <c>value</c> when not.
            /// </summary>
            public global::System.Collections.Generic.List<string> Parts(bool explode, global::System.Func<string, string> escape)
            {
                var parts = new global::System.Collections.Generic.List<string>();
                if (Single is not null)
                {
                    parts.Add(escape(Single));
                }

                foreach (var item in Items ?? new global::System.Collections.Generic.List<string>())
                {
                    parts.Add(escape(item));
                }

                foreach (var property in Properties ?? new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>())
                {
                    if (explode)
                    {
                        parts.Add(escape(property.Key) + "=" + escape(property.Value));
                    }
                    else
                    {
                        parts.Add(escape(property.Key));
                        parts.Add(escape(property.Value));
                    }
                }

                return parts;
            }

            private static string Text(global::System.Text.Json.JsonElement element) =>
                element.ValueKind == global::System.Text.Json.JsonValueKind.String ? element.GetString()! : element.GetRawText();
        }

        /// <summary>
        /// Collects the path, query, headers, cookies and content of one request, writing each parameter in its
        /// OpenAPI style with the values escaped for their place.
        /// </summary>
        private sealed class RequestBuilder
        {
            private readonly global::System.Net.Http.HttpMethod _method;
            private readonly string _accept;
            private readonly global::System.Text.StringBuilder _path = new global::System.Text.StringBuilder();
            private readonly global::System.Text.StringBuilder _query = new global::System.Text.StringBuilder();
            private readonly global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> _headers = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
            private readonly global::System.Collections.Generic.List<string> _cookies = new global::System.Collections.Generic.List<string>();
            private global::System.Net.Http.HttpContent? _content;
            private global::System.Net.Http.MultipartFormDataContent? _multipart;
            private string? _boundary;
            private int _partCount;
            private global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>? _formFields;

            /// <summary>Creates a builder for a request with the method and the <c>Accept</c> value given.</summary>
            public RequestBuilder(global::System.Net.Http.HttpMethod method, string accept)
            {
                _method = method;
                _accept = accept;
            }

            /// <summary>
            /// Serializes a JSON body up front: request bodies are small, and a buffered body is sent with a
            /// <c>Content-Length</c> (not chunked) and can be sent again when a handler retries the request.
            /// </summary>
            public void SetJsonContent<T>(T value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
            {
                var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
                content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                _content = content;
            }

            public void SetTextContent(string text, string mediaType)
            {
                var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(text));
                content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
                _content = content;
            }

            /// <summary>Sends the stream from its current position as it is read, without buffering; the caller keeps and disposes it.</summary>
            public void SetStreamContent(global::System.IO.Stream stream, string mediaType) =>
                _content = CallerStreamContent.Create(stream, mediaType);

            /// <summary>Starts a <c>multipart/form-data</c> or an <c>application/x-www-form-urlencoded</c> body.</summary>
            public void StartForm(bool multipart)
            {
                if (multipart)
                {
                    _boundary = global::System.Guid.NewGuid().ToString();
                    _multipart = new global::System.Net.Http.MultipartFormDataContent(_boundary);
                    _content = _multipart;
                }
                else
                {
                    _formFields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                }
            }

            /// <summary>Adds a form field unless it is absent; an array gives one field per item.</summary>
            public void AddFormField(string name, ParameterValue value)
            {
                foreach (var text in value.Parts(explode: true, text => text))
                {
                    if (_multipart is not null)
                    {
                        _multipart.Add(new global::System.Net.Http.StringContent(text), name);
                        _partCount++;
                    }
                    else
                    {
                        _formFields!.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(name, text));
                    }
                }
            }

            /// <summary>
            /// Adds a file part unless the stream is <c>null</c>. The caller keeps and disposes the stream. Without a
            /// file name the part takes the file name of a <c>FileStream</c> opened by path, or else the field name.
            /// </summary>
            /// <exception cref="global::System.ArgumentException">The file name contains a control character such as CR or LF.</exception>
            public void AddFormFile(string name, global::System.IO.Stream? stream, string? fileName, string fileNameParameter)
            {
                if (stream is null)
                {
                    return;
                }

                if (fileName is null)
                {
                    // A FileStream made from a handle has the name "[Unknown]", which is not a rooted path.
                    fileName = stream is global::System.IO.FileStream fileStream && global::System.IO.Path.IsPathRooted(fileStream.Name)
                        ? global::System.IO.Path.GetFileName(fileStream.Name)
                        : name;
                }

                foreach (var character in fileName)
                {
                    // A quoted-string cannot carry a control character, and a raw CR or LF would end the header.
                    if (character != '\t' && char.IsControl(character))
                    {
                        throw new global::System.ArgumentException(
                            "The file name '" + fileName.Replace("\r", "\\r").Replace("\n", "\\n") + "' contains a control character such as CR or LF, which a Content-Disposition header cannot carry. Pass a file name without control characters in " + fileNameParameter + ".",
                            fileNameParameter);
                    }
                }

                var part = CallerStreamContent.Create(stream, "application/octet-stream");

                // MultipartFormDataContent.Add rejects a name with '"', so the header is written here instead.
                part.Headers.TryAddWithoutValidation(
                    "Content-Disposition",
                    "form-data; name=" + DispositionValue(name) + "; filename=" + DispositionValue(fileName) + "; filename*=utf-8''" + global::System.Uri.EscapeDataString(fileName));
                _multipart!.Add(part);
                _partCount++;
            }

            /// <summary>
            /// Formats a Content-Disposition parameter value as MultipartFormDataContent does: a token as it is, a
            /// value with other ASCII characters as a quoted-string with <c>\</c> and <c>"</c> escaped, and a value
            /// with non-ASCII characters as an RFC 2047 encoded word, because the part headers are written as Latin-1.
            /// </summary>
            private static string DispositionValue(string value)
            {
                var isToken = value.Length > 0;
                foreach (var character in value)
                {
                    if (character > 0x7E)
                    {
                        return "\"=?utf-8?B?" + global::System.Convert.ToBase64String(global::System.Text.Encoding.UTF8.GetBytes(value)) + "?=\"";
                    }

                    if (!(char.IsLetterOrDigit(character) || "!#$%&'*+-.^_`|~".IndexOf(character) >= 0))
                    {
                        isToken = false;
                    }
                }

                return isToken ? value : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
            }

            /// <summary>Appends a literal part of the path template as it is written.</summary>
            public void AppendPath(string text) => _path.Append(text);

            /// <summary>Appends a path parameter: <c>simple</c> <c>3,4</c>, <c>label</c> <c>.3.4</c>, <c>matrix</c> <c>;id=3;id=4</c>.</summary>
            public void AppendPath(string name, ParameterValue value, ParameterStyle style, bool explode)
            {
                var parts = value.Parts(explode, global::System.Uri.EscapeDataString);
                switch (style)
                {
                    case ParameterStyle.Label:
                        _path.Append('.').Append(string.Join(explode ? "." : ",", parts));
                        break;
                    case ParameterStyle.Matrix when explode && value.Properties is not null:
                        foreach (var part in parts)
                        {
                            _path.Append(';').Append(part);
                        }

                        break;
                    case ParameterStyle.Matrix when explode && value.Items is not null:
                        foreach (var part in parts)
                        {
                            _path.Append(';').Append(global::System.Uri.EscapeDataString(name)).Append('=').Append(part);
                        }

                        break;
                    case ParameterStyle.Matrix:
                        var joined = string.Join(",", parts);
                        _path.Append(';').Append(global::System.Uri.EscapeDataString(name)).Append(joined.Length == 0 ? string.Empty : "=" + joined);
                        break;
                    default:
                        _path.Append(string.Join(",", parts));
                        break;
                }
            }

            /// <summary>
            /// Appends a query parameter unless it is absent: <c>form</c> <c>id=3&amp;id=4</c> or <c>id=3,4</c>,
            /// <c>spaceDelimited</c> <c>id=3%204</c>, <c>pipeDelimited</c> <c>id=3%7C4</c>, <c>deepObject</c> <c>id[a]=3</c>.
            /// </summary>
            public void AppendQuery(string name, ParameterValue value, ParameterStyle style, bool explode)
            {
                if (value.IsAbsent)
                {
                    return;
                }

                if (style == ParameterStyle.DeepObject && value.Properties is not null)
                {
                    foreach (var property in value.Properties)
                    {
                        AppendQueryPair(global::System.Uri.EscapeDataString(name) + "[" + global::System.Uri.EscapeDataString(property.Key) + "]", global::System.Uri.EscapeDataString(property.Value));
                    }

                    return;
                }

                if (explode && value.Properties is not null)
                {
                    foreach (var part in value.Parts(explode: true, global::System.Uri.EscapeDataString))
                    {
                        _query.Append(_query.Length == 0 ? '?' : '&').Append(part);
                    }

                    return;
                }

                var escapedName = global::System.Uri.EscapeDataString(name);
                var parts = value.Parts(explode: false, global::System.Uri.EscapeDataString);
                if (explode && value.Items is not null)
                {
                    foreach (var part in parts)
                    {
                        AppendQueryPair(escapedName, part);
                    }

                    return;
                }

                // NOTE: a space or "|" inside a value is escaped to the same %20 or %7C as the delimiter, so the service
                // cannot tell ["a|b", "c"] from ["a", "b", "c"]. A raw space is not allowed in a URI, and System.Uri
                // escapes a raw "|" to %7C, so no unescaped delimiter would reach the service either.
                var delimiter = style switch
                {
                    ParameterStyle.SpaceDelimited => "%20",
                    ParameterStyle.PipeDelimited => "%7C",
                    _ => ",",
                };
                AppendQueryPair(escapedName, string.Join(delimiter, parts));
            }

            /// <summary>Adds a header in the <c>simple</c> style (<c>3,4</c>, or <c>a=1,b=2</c> for an exploded object) unless it is absent.</summary>
            public void AddHeader(string name, ParameterValue value, ParameterStyle style, bool explode)
            {
                if (!value.IsAbsent)
                {
                    var text = string.Join(",", value.Parts(explode, part => part));

                    // A line break would end the header and start another one that the caller did not ask for.
                    if (text.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
                    {
                        throw new global::System.ArgumentException("The value of the header parameter '" + name + "' contains a line break or a NUL character, which a header cannot carry. Remove them from the value.", name);
                    }

                    _headers.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(name, text));
                }
            }

            /// <summary>
            /// Adds a cookie in the <c>form</c> style unless it is absent: <c>id=3,4</c>, or one cookie per item
            /// (<c>id=3; id=4</c>) or per property (<c>a=1; b=2</c>) when exploded. Values are percent-encoded.
            /// </summary>
            public void AddCookie(string name, ParameterValue value, ParameterStyle style, bool explode)
            {
                if (value.IsAbsent)
                {
                    return;
                }

                var parts = value.Parts(explode, global::System.Uri.EscapeDataString);
                if (explode && value.Properties is not null)
                {
                    _cookies.AddRange(parts);
                }
                else if (explode && value.Items is not null)
                {
                    foreach (var part in parts)
                    {
                        _cookies.Add(name + "=" + part);
                    }
                }
                else
                {
                    _cookies.Add(name + "=" + string.Join(",", parts));
                }
            }

            /// <summary>Creates the request: the base address with its trailing <c>/</c> removed, then the path and the query.</summary>
            public global::System.Net.Http.HttpRequestMessage Build(global::System.Uri baseAddress)
            {
                // Percent-encoding leaves dots alone, so a parameter value of "." or ".." would make a dot segment
                // that the Uri removes, sending the request to another path.
                foreach (var segment in _path.ToString().Split('/'))
                {
                    if (segment == "." || segment == "..")
                    {
                        throw new global::System.ArgumentException("A path parameter makes the path segment '" + segment + "', which would change the path the request is sent to. Pass the identifier itself, not '" + segment + "'.");
                    }
                }

                var uri = new global::System.Uri(baseAddress.GetLeftPart(global::System.UriPartial.Path).TrimEnd('/') + _path + _query, global::System.UriKind.Absolute);
                var content = _formFields is null ? _content : new global::System.Net.Http.FormUrlEncodedContent(_formFields);
                if (_multipart is not null && _partCount == 0)
                {
                    content = EmptyMultipart(_multipart, _boundary!);
                }

                var request = new global::System.Net.Http.HttpRequestMessage(_method, uri) { Content = content };
                request.Headers.TryAddWithoutValidation("Accept", _accept);
                foreach (var header in _headers)
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                if (_cookies.Count > 0)
                {
                    request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies));
                }

                return request;
            }

            private void AppendQueryPair(string escapedName, string escapedValue) =>
                _query.Append(_query.Length == 0 ? '?' : '&').Append(escapedName).Append('=').Append(escapedValue);

            /// <summary>
            /// Creates the body of a multipart form without fields: the closing boundary alone. An empty
            /// MultipartFormDataContent writes an opening boundary too, which reads as one part without a
            /// Content-Disposition, and the RFC 2046 grammar has no form with zero parts.
            /// </summary>
            private static global::System.Net.Http.HttpContent EmptyMultipart(global::System.Net.Http.MultipartFormDataContent multipart, string boundary)
            {
                var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.ASCII.GetBytes("--" + boundary + "--\r\n"));
                content.Headers.ContentType = multipart.Headers.ContentType;
                multipart.Dispose();
                return content;
            }
        }

        /// <summary>Sends a stream that belongs to the caller: disposing the request leaves the stream open.</summary>
        private sealed class CallerStreamContent : global::System.Net.Http.StreamContent
        {
            private CallerStreamContent(global::System.IO.Stream stream)
                : base(stream)
            {
            }

            public static CallerStreamContent Create(global::System.IO.Stream stream, string mediaType)
            {
                var content = new CallerStreamContent(stream);
                content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
                return content;
            }

            protected override void Dispose(bool disposing)
            {
                // StreamContent.Dispose would dispose the caller's stream, so it is not called.
            }
        }
        """;
}
