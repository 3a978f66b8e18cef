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
        writer.Summary("Calls the operations of the API over an <see cref=\"global::System.Net.Http.HttpClient\"/> whose <see cref=\"global::System.Net.Http.HttpClient.BaseAddress\"/> is the server URL.", isXml: true);
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.OpenBlock(context.Accessibility + " partial class " + document.ClientName + " : " + context.Qualified(document.InterfaceName));
        writer.Line("private const int ResponseExcerptLength = 512;");
        writer.Line("private const int ServiceMessageLength = 512;");
        writer.Line("private const int MessageExcerptLength = 200;");
        writer.Line("private const int ErrorBodyByteLimit = 4096;");
        writer.Line("private static readonly global::System.Text.RegularExpressions.Regex UrlQuery = new global::System.Text.RegularExpressions.Regex(@\"(https?://[^\\s\"\"'<>?#]+)\\?[^\\s\"\"'<>]*\", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant);");
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

    private static string ReturnType(EmitContext context, OperationModel operation) =>
        operation.ResponseBody is null
            ? "global::System.Threading.Tasks.Task"
            : "global::System.Threading.Tasks.Task<" + TypeSyntax.Of(operation.ResponseBody, context.Namespace) + ">";

    private static string Signature(EmitContext context, OperationModel operation)
    {
        var parameters = new List<string>();
        foreach (var parameter in operation.PathParameters)
        {
            parameters.Add(TypeSyntax.Of(parameter.Type, context.Namespace) + " " + parameter.Name);
        }

        if (operation.RequestBody is not null)
        {
            parameters.Add(TypeSyntax.Of(operation.RequestBody, context.Namespace) + " request");
        }

        foreach (var parameter in operation.QueryParameters)
        {
            parameters.Add(parameter.IsRequired
                ? TypeSyntax.Of(parameter.Type, context.Namespace) + " " + parameter.Name
                : TypeSyntax.Nullable(parameter.Type, context.Namespace) + " " + parameter.Name + " = null");
        }

        parameters.Add(CancellationToken + " cancellationToken = default");
        return ReturnType(context, operation) + " " + operation.MethodName + "(" + string.Join(", ", parameters) + ")";
    }

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

        foreach (var parameter in operation.PathParameters)
        {
            ParameterDoc(writer, parameter, "path");
        }

        if (operation.RequestBody is not null)
        {
            writer.ParamDoc("request", operation.RequestBodyDescription ?? "The request body.");
        }

        foreach (var parameter in operation.QueryParameters)
        {
            ParameterDoc(writer, parameter, "query");
        }

        writer.ParamDoc("cancellationToken", "The token that cancels the request.");
        if (operation.ResponseBody is not null)
        {
            writer.DocElement("returns", "The response body.");
        }

        if (operation.PathParameters.Any(parameter => !parameter.Type.IsValueType) || operation.RequestBody is { IsValueType: false })
        {
            writer.DocElement("exception", "A path parameter or the request body is <c>null</c>.", " cref=\"global::System.ArgumentNullException\"", isXml: true);
        }

        writer.DocElement(
            "exception",
            "The service returned a status outside 2xx, or a body that is not valid JSON for the expected type.",
            " cref=\"" + context.Qualified(context.Document.ExceptionName) + "\"");
    }

    private static void ParameterDoc(SourceWriter writer, ParameterModel parameter, string location)
    {
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
        var nullChecks = operation.PathParameters.Where(parameter => !parameter.Type.IsValueType).Select(parameter => parameter.Name).ToList();
        if (operation.RequestBody is { IsValueType: false })
        {
            nullChecks.Add("request");
        }

        foreach (var name in nullChecks)
        {
            writer.OpenBlock("if (" + name + " is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(" + name + "));");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("var requestPath = " + PathExpression(operation) + ";");
        writer.Line("var requestQuery = new global::System.Text.StringBuilder();");
        foreach (var parameter in operation.QueryParameters)
        {
            var value = parameter.Type.Kind == TypeKind.Array && !parameter.IsExploded ? "JoinValues(" + parameter.Name + ")" : parameter.Name;
            writer.Line("AppendQuery(requestQuery, " + SourceWriter.Literal(parameter.WireName) + ", " + value + ");");
        }

        writer.Line();
        var content = operation.RequestBody is null
            ? "null"
            : (operation.RequestBody.Kind == TypeKind.Model
                ? "JsonBody.Create(request, " + context.Qualified(context.Document.SerializerContextName) + ".Default." + operation.RequestBody.ModelName + ")"
                : "JsonBody.Create(request, " + UntypedInfo(context, operation.RequestBody) + ")");
        var method = "global::System.Net.Http.HttpMethod." + HttpMethodProperty(operation.HttpMethod);
        if (operation.ResponseBody is null)
        {
            writer.Line("return SendWithoutResponseBodyAsync(" + method + ", requestPath, requestQuery, " + content + ", cancellationToken);");
        }
        else
        {
            writer.Line("return SendAsync(" + method + ", requestPath, requestQuery, " + content + ", " + ResponseInfo(context, operation.ResponseBody) + ", cancellationToken);");
        }

        writer.CloseBlock();
    }

    private static string ResponseInfo(EmitContext context, TypeModel type) =>
        type.Kind == TypeKind.Model
            ? context.Qualified(context.Document.SerializerContextName) + ".Default." + type.ModelName
            : UntypedInfo(context, type);

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

    /// <summary>Builds the path from the template, escaping each path parameter with <c>Uri.EscapeDataString</c>.</summary>
    private static string PathExpression(OperationModel operation)
    {
        var parts = new List<string>();
        var position = 0;
        foreach (Match match in Regex.Matches(operation.Path, "\\{([^}]+)\\}"))
        {
            if (match.Index > position)
            {
                parts.Add(SourceWriter.Literal(operation.Path.Substring(position, match.Index - position)));
            }

            var parameter = operation.PathParameters.First(candidate => candidate.WireName == match.Groups[1].Value);
            parts.Add("global::System.Uri.EscapeDataString(" + FormatValue(parameter.Type, parameter.Name) + ")");
            position = match.Index + match.Length;
        }

        if (position < operation.Path.Length || parts.Count == 0)
        {
            parts.Add(SourceWriter.Literal(operation.Path.Substring(position)));
        }

        return string.Join(" + ", parts);
    }

    /// <summary>Formats a path parameter as text with the invariant culture.</summary>
    private static string FormatValue(TypeModel type, string name) =>
        type.Kind switch
        {
            TypeKind.String => name,
            TypeKind.Boolean => "(" + name + " ? \"true\" : \"false\")",
            TypeKind.DateTimeOffset => name + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => name + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => "JoinValues(" + name + ")!",
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
        private async global::System.Threading.Tasks.Task<TResponse> SendAsync<TResponse>(global::System.Net.Http.HttpMethod method, string path, global::System.Text.StringBuilder query, global::System.Net.Http.HttpContent? content, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResponse> responseType, global::System.Threading.CancellationToken cancellationToken)
        {
            using var request = CreateRequest(method, path, query, content);
            using var response = await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var requestPath = request.RequestUri!.AbsolutePath;
            if (!response.IsSuccessStatusCode)
            {
                throw await CreateFailureAsync(method, requestPath, response, cancellationToken).ConfigureAwait(false);
            }

            TResponse? result;
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                result = await global::System.Text.Json.JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (global::System.Text.Json.JsonException exception)
            {
                var message = method.Method + " " + requestPath + " returned " + (int)response.StatusCode + " (" + response.StatusCode + ") with a body that is not valid JSON for " + typeof(TResponse).Name + ": " + exception.Message;
                throw new {{Exception}}(message, method.Method, requestPath, response.StatusCode, null, null, exception);
            }

            if (result is null)
            {
                var message = method.Method + " " + requestPath + " returned " + (int)response.StatusCode + " (" + response.StatusCode + ") with a JSON null body where " + typeof(TResponse).Name + " was expected.";
                throw new {{Exception}}(message, method.Method, requestPath, response.StatusCode, null, "null");
            }

            return result;
        }

        private async global::System.Threading.Tasks.Task SendWithoutResponseBodyAsync(global::System.Net.Http.HttpMethod method, string path, global::System.Text.StringBuilder query, global::System.Net.Http.HttpContent? content, global::System.Threading.CancellationToken cancellationToken)
        {
            using var request = CreateRequest(method, path, query, content);
            using var response = await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await CreateFailureAsync(method, request.RequestUri!.AbsolutePath, response, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Appends the path and the query to the base address, keeping the base address's own path.</summary>
        private global::System.Net.Http.HttpRequestMessage CreateRequest(global::System.Net.Http.HttpMethod method, string path, global::System.Text.StringBuilder query, global::System.Net.Http.HttpContent? content)
        {
            var baseAddress = _httpClient.BaseAddress ?? throw new global::System.InvalidOperationException("HttpClient.BaseAddress is not set; set it to the server URL, for example https://api.example.com/v1.");
            var uri = new global::System.Uri(baseAddress.GetLeftPart(global::System.UriPartial.Path).TrimEnd('/') + path + query.ToString(), global::System.UriKind.Absolute);
            var request = new global::System.Net.Http.HttpRequestMessage(method, uri) { Content = content };
            request.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }

        private static async global::System.Threading.Tasks.Task<{{Exception}}> CreateFailureAsync(global::System.Net.Http.HttpMethod method, string path, global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
        {
            var body = RedactSecrets(await ReadErrorBodyStartAsync(response, cancellationToken).ConfigureAwait(false), response.RequestMessage);
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

            return new {{Exception}}(message, method.Method, path, response.StatusCode, serviceMessage, excerpt);
        }

        /// <summary>Reads at most <see cref="ErrorBodyByteLimit"/> bytes of an error body, so a large error page costs no more than that.</summary>
        private static async global::System.Threading.Tasks.Task<string> ReadErrorBodyStartAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[ErrorBodyByteLimit];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return global::System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }

        /// <summary>
        /// Replaces the request's <c>Authorization</c> value and the query string of every URL in an error body with
        /// <c>[redacted]</c>, so a service that echoes the request cannot put a token or a presigned URL's signature into
        /// a message.
        /// </summary>
        private static string RedactSecrets(string text, global::System.Net.Http.HttpRequestMessage? request)
        {
            if (request is not null && request.Headers.TryGetValues("Authorization", out var values))
            {
                foreach (var value in values)
                {
                    var space = value.IndexOf(' ');
                    var credentials = space < 0 ? value : value.Substring(space + 1);
                    if (credentials.Trim().Length > 0)
                    {
                        text = text.Replace(credentials.Trim(), "[redacted]");
                    }
                }
            }

            return UrlQuery.Replace(text, "$1?[redacted]");
        }

        private static string Shorten(string text, int maxLength) =>
            text.Length <= maxLength ? text : text.Substring(0, maxLength - 1) + "\u2026";

        private static void AppendQuery(global::System.Text.StringBuilder query, string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(global::System.Uri.EscapeDataString(name)).Append('=').Append(global::System.Uri.EscapeDataString(value));
        }

        private static void AppendQuery(global::System.Text.StringBuilder query, string name, bool? value) =>
            AppendQuery(query, name, global::{{Namespace}}.OpenApiJson.FormatQueryValue(value));

        private static void AppendQuery(global::System.Text.StringBuilder query, string name, int? value) =>
            AppendQuery(query, name, value?.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

        private static void AppendQuery(global::System.Text.StringBuilder query, string name, long? value) =>
            AppendQuery(query, name, value?.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

        private static void AppendQuery(global::System.Text.StringBuilder query, string name, double? value) =>
            AppendQuery(query, name, value?.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture));

        private static void AppendQuery(global::System.Text.StringBuilder query, string name, global::System.DateTimeOffset? value) =>
            AppendQuery(query, name, value?.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>Appends one <c>name=value</c> pair per item, the OpenAPI default for query arrays (form style, exploded).</summary>
        private static void AppendQuery<T>(global::System.Text.StringBuilder query, string name, global::System.Collections.Generic.IEnumerable<T>? values)
        {
            if (values is null)
            {
                return;
            }

            foreach (var value in values)
            {
                AppendQuery(query, name, global::{{Namespace}}.OpenApiJson.FormatQueryValue(value));
            }
        }

        /// <summary>Joins the items with commas, each formatted with the invariant culture; <c>null</c> stays <c>null</c>.</summary>
        private static string? JoinValues<T>(global::System.Collections.Generic.IEnumerable<T>? values)
        {
            if (values is null)
            {
                return null;
            }

            var builder = new global::System.Text.StringBuilder();
            foreach (var value in values)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ",").Append(global::{{Namespace}}.OpenApiJson.Format(value));
            }

            return builder.ToString();
        }

        /// <summary>
        /// Serializes a JSON body up front: request bodies are small, and a buffered body is sent with a
        /// <c>Content-Length</c> (not chunked) and can be sent again when a handler retries the request.
        /// </summary>
        private static class JsonBody
        {
            public static global::System.Net.Http.HttpContent? Create<T>(T? value, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
            {
                if (value is null)
                {
                    return null;
                }

                var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
                content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return content;
            }
        }
        """;
}
