using System;
using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using NJsonSchema;
using NSwag;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Maps request bodies and responses, and chooses what each method returns.</summary>
internal sealed partial class OperationMapper
{
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";
    private const string MultipartFormData = "multipart/form-data";

    /// <summary>
    /// Maps the request body: an OpenAPI 3 <c>requestBody</c>, a Swagger 2.0 <c>in: body</c> parameter, or Swagger
    /// 2.0 <c>in: formData</c> parameters. Returns false, after reporting OASG007, for a form body whose fields
    /// cannot be method parameters; the operation then gets no method.
    /// </summary>
    private bool TryMapRequestBody(OpenApiOperation operation, OpenApiParameter? swaggerBody, List<OpenApiParameter> formDataParameters, OperationContext context, out RequestBodyModel? requestBody)
    {
        requestBody = null;

        // NSwag lists an OpenAPI 3 request body among the parameters too, and shows a Swagger 2.0 body parameter as
        // a request body with application/json content, so each version reads only its own form.
        var openApiBody = operation.RequestBody?.ActualRequestBody;
        if (_isOpenApi3 && openApiBody is not null && openApiBody.Content.Count > 0)
        {
            var mediaType = PreferredMediaType(openApiBody.Content.Keys, isRequest: true);
            var bodyPointer = context.Pointer + "/requestBody/content/" + SchemaMapper.EscapePointer(mediaType);
            var schema = openApiBody.Content[mediaType].Schema ?? new JsonSchema();
            return TryMapBody(KindOf(mediaType, isRequest: true), mediaType, schema, openApiBody.Description, bodyPointer + "/schema", context, out requestBody);
        }

        if (_isOpenApi3)
        {
            return true;
        }

        if (formDataParameters.Count > 0)
        {
            var consumes = operation.ActualConsumes ?? new List<string>();
            var hasFile = formDataParameters.Any(parameter => parameter.Type.HasFlag(JsonObjectType.File));
            var mediaType = hasFile || consumes.Contains(MultipartFormData, StringComparer.OrdinalIgnoreCase) ? MultipartFormData : FormUrlEncoded;
            var fields = formDataParameters
                .Select(parameter => MapField(parameter.Name ?? string.Empty, parameter, parameter.IsRequired, parameter.Description, ParameterPointer(operation, context.Pointer, parameter), context))
                .ToList();
            return TryCreateFormBody(KindOf(mediaType, isRequest: true), mediaType, fields, null, context.Pointer + "/parameters", context, out requestBody);
        }

        if (swaggerBody is not null)
        {
            var consumes = operation.ActualConsumes is { Count: > 0 } listed ? listed : new List<string> { "application/json" };
            var mediaType = PreferredMediaType(consumes, isRequest: true);
            var bodyPointer = ParameterPointer(operation, context.Pointer, swaggerBody) + "/schema";
            return TryMapBody(KindOf(mediaType, isRequest: true), mediaType, swaggerBody.Schema ?? swaggerBody, swaggerBody.Description, bodyPointer, context, out requestBody);
        }

        return true;
    }

    private bool TryMapBody(BodyKind kind, string mediaType, JsonSchema schema, string? description, string schemaPointer, OperationContext context, out RequestBodyModel? requestBody)
    {
        switch (kind)
        {
            case BodyKind.Json:
                var type = _schemas.Map(schema, schemaPointer, context.BaseName + "Request");
                SchemaMapper.AddModelNames(type, RequestModels);
                requestBody = new RequestBodyModel(new BodyModel(kind, mediaType, type), description, default);
                return true;
            case BodyKind.FormUrlEncoded or BodyKind.Multipart:
                var actual = schema.ActualSchema;
                var fields = actual.ActualProperties
                    .Select(property => MapField(property.Key, property.Value, actual.RequiredProperties.Contains(property.Key) || property.Value.IsRequired, property.Value.Description, schemaPointer + "/properties/" + SchemaMapper.EscapePointer(property.Key), context))
                    .ToList();

                // A form that declares no fields and forbids others can only be empty (Stripe's GET and DELETE
                // operations have such bodies), so the method sends no body rather than being left out.
                if (fields.Count == 0 && !actual.AllowAdditionalProperties && actual.AdditionalPropertiesSchema is null)
                {
                    requestBody = null;
                    return true;
                }

                return TryCreateFormBody(kind, mediaType, fields, description, schemaPointer, context, out requestBody);
            default:
                requestBody = new RequestBodyModel(new BodyModel(kind, mediaType, null), description, default);
                return true;
        }
    }

    private bool TryCreateFormBody(BodyKind kind, string mediaType, List<FormFieldModel> fields, string? description, string pointer, OperationContext context, out RequestBodyModel? requestBody)
    {
        requestBody = null;
        if (fields.Count == 0)
        {
            _diagnostics.AddAtPointer(
                DiagnosticDescriptors.UnsupportedRequestBody,
                pointer,
                context.DisplayName,
                mediaType,
                "lists no fields under 'properties' of its schema",
                "list each form field under 'properties' of the body's schema");
            return false;
        }

        if (kind == BodyKind.FormUrlEncoded && fields.FirstOrDefault(field => field.IsFile) is { } file)
        {
            _diagnostics.AddAtPointer(
                DiagnosticDescriptors.UnsupportedRequestBody,
                pointer,
                context.DisplayName,
                mediaType,
                "has the file field '" + file.WireName + "' (format: binary), which this media type cannot carry",
                "send the body as multipart/form-data, or remove 'format: binary' from the field '" + file.WireName + "'");
            return false;
        }

        var ordered = fields.OrderBy(field => field.IsRequired ? 0 : 1).ToEquatableArray();
        requestBody = new RequestBodyModel(new BodyModel(kind, mediaType, null), description, ordered);
        return true;
    }

    /// <summary>Maps one form field; a binary string (or Swagger 2.0 <c>type: file</c>) is a file part.</summary>
    private FormFieldModel MapField(string wireName, JsonSchema schema, bool isRequired, string? description, string pointer, OperationContext context)
    {
        var actual = schema.ActualSchema;
        var isFile = actual.Type.HasFlag(JsonObjectType.File)
            || (actual.Type.HasFlag(JsonObjectType.String) && string.Equals(actual.Format, "binary", StringComparison.Ordinal));
        // A field is text like a parameter, so it is mapped as one: an enum is its underlying type, and a union
        // or a map is untyped JSON.
        var type = isFile ? TypeModel.Of(TypeKind.String) : _schemas.MapParameter(schema, pointer, context.BaseName + Naming.ToPascalCase(wireName));
        SchemaMapper.AddModelNames(type, RequestModels);
        return new FormFieldModel(
            AllocateParameterName(context.ParameterNames, wireName, "Field"),
            wireName,
            description,
            type with { IsNullable = false },
            isRequired,
            isFile);
    }

    /// <summary>
    /// Maps every response. The 2xx responses (and <c>2XX</c>) are the successes; when there are none, a
    /// <c>default</c> response is the success, as it then describes every status. The others are the errors, in
    /// the order the client matches them: exact status codes, then ranges such as <c>4XX</c>, then <c>default</c>.
    /// </summary>
    private (EquatableArray<ResponseModel> Successes, EquatableArray<ResponseModel> Errors) MapResponses(OpenApiOperation operation, OperationContext context)
    {
        var responses = operation.ActualResponses.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();
        var hasSuccess = responses.Any(entry => IsSuccessStatus(entry.Key));
        var successes = new List<ResponseModel>();
        var errors = new List<ResponseModel>();
        foreach (var entry in responses)
        {
            var isSuccess = IsSuccessStatus(entry.Key) || (!hasSuccess && entry.Key == "default");
            var nameHint = isSuccess
                ? context.BaseName + "Response" + (successes.Count == 0 ? string.Empty : Naming.ToPascalCase(entry.Key))
                : context.BaseName + "Error" + (entry.Key == "default" ? string.Empty : Naming.ToPascalCase(entry.Key));
            var response = entry.Value.ActualResponse;
            var body = MapResponseBody(operation, response, context.Pointer + "/responses/" + SchemaMapper.EscapePointer(entry.Key), nameHint, context);
            (isSuccess ? successes : errors).Add(new ResponseModel(entry.Key, response.Description, body));
        }

        var orderedErrors = errors.OrderBy(error => error.StatusCode == "default" ? 2 : error.StatusCode.EndsWith("XX", StringComparison.OrdinalIgnoreCase) ? 1 : 0).ThenBy(error => error.StatusCode, StringComparer.Ordinal);
        return (successes.ToEquatableArray(), orderedErrors.ToEquatableArray());
    }

    private BodyModel? MapResponseBody(OpenApiOperation operation, OpenApiResponse response, string pointer, string nameHint, OperationContext context)
    {
        string mediaType;
        JsonSchema? schema;
        string schemaPointer;

        // NSwag also shows a Swagger 2.0 schema as application/json content, so 'produces' is read first there.
        if (!_isOpenApi3 && response.Schema is not null)
        {
            var produces = operation.ActualProduces is { Count: > 0 } listed ? listed : new List<string> { "application/json" };
            mediaType = response.Schema.ActualSchema.Type.HasFlag(JsonObjectType.File) ? "application/octet-stream" : PreferredMediaType(produces, isRequest: false);
            schema = response.Schema;
            schemaPointer = pointer + "/schema";
        }
        else if (response.Content.Count > 0)
        {
            mediaType = PreferredMediaType(response.Content.Keys, isRequest: false);
            schema = response.Content[mediaType].Schema;
            schemaPointer = pointer + "/content/" + SchemaMapper.EscapePointer(mediaType) + "/schema";
        }
        else
        {
            return null;
        }

        var kind = KindOf(mediaType, isRequest: false);
        if (kind == BodyKind.Binary && mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedResponseBody, pointer, context.DisplayName, mediaType);
        }

        if (kind != BodyKind.Json)
        {
            return new BodyModel(kind, mediaType, null);
        }

        // A JSON media type without a schema still has a body, which any JSON value matches.
        var type = schema is null ? TypeModel.Of(TypeKind.Json) : _schemas.Map(schema, schemaPointer, nameHint);
        SchemaMapper.AddModelNames(type, ResponseModels);
        return new BodyModel(kind, mediaType, type);
    }

    /// <summary>
    /// Chooses what the method returns: the one body that the successes share, nullable when a success has none.
    /// Successes with different JSON or text bodies get a result type with a property for each body. Other
    /// differing bodies are reported as OASG031 and read as a stream.
    /// </summary>
    private (BodyModel? Result, bool IsOptional, ResultTypeModel? ResultType) ChooseResult(EquatableArray<ResponseModel> successes, OperationContext context)
    {
        var bodies = successes.Where(response => response.Body is not null).Select(response => response.Body!).ToList();
        var shapes = bodies.GroupBy(BodyShape).Select(group => group.First()).ToList();
        var isOptional = bodies.Count < successes.Count && bodies.Count > 0;
        if (shapes.Count <= 1)
        {
            return (shapes.FirstOrDefault(), isOptional, null);
        }

        if (shapes.All(body => body.Kind is BodyKind.Json or BodyKind.Text))
        {
            return (null, false, MapResultType(successes, context));
        }

        var statuses = string.Join(", ", successes.Where(response => response.Body is not null).Select(response => response.StatusCode));
        _diagnostics.AddAtPointer(DiagnosticDescriptors.DifferentSuccessBodies, context.Pointer + "/responses", context.DisplayName, statuses, "Stream");
        return (new BodyModel(BodyKind.Binary, "*/*", null), isOptional, null);
    }

    /// <summary>
    /// Builds the result type of an operation whose successes have different bodies. A property is named after
    /// the body's generated type, or <c>Body{Status}</c> after its first status when it has none.
    /// </summary>
    private ResultTypeModel MapResultType(EquatableArray<ResponseModel> successes, OperationContext context)
    {
        var typeName = _schemas.AllocateTypeName(context.BaseName + "Result");
        var propertyNames = new NameAllocator(new[] { "StatusCode", typeName });
        var properties = successes
            .Where(response => response.Body is not null)
            .GroupBy(response => BodyShape(response.Body!))
            .Select(group =>
            {
                var body = group.First().Body!;
                var name = body.Type is { IsGenerated: true, ModelName: { } modelName } ? modelName : "Body" + group.First().StatusCode;
                return new ResultPropertyModel(propertyNames.Allocate(name), body, group.Select(response => response.StatusCode).ToEquatableArray());
            })
            .ToEquatableArray();
        return new ResultTypeModel(typeName, properties);
    }

    /// <summary>Returns what makes two bodies read alike: their kind and their type, whatever their media types.</summary>
    private static (BodyKind Kind, TypeModel? Type) BodyShape(BodyModel body) => (body.Kind, body.Type);

    private static bool IsSuccessStatus(string statusCode) => statusCode.StartsWith("2", StringComparison.Ordinal);

    /// <summary>
    /// Picks the media type the client uses among those listed: JSON first (<c>application/json</c> before
    /// others such as <c>application/problem+json</c>), then for a request multipart and form bodies, then text,
    /// then any other; ties go to the ordinal order.
    /// </summary>
    private static string PreferredMediaType(IEnumerable<string> mediaTypes, bool isRequest) =>
        mediaTypes
            .OrderBy(mediaType => KindOf(mediaType, isRequest) switch
            {
                BodyKind.Json => mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? 0 : 1,
                BodyKind.Multipart => 2,
                BodyKind.FormUrlEncoded => 3,
                BodyKind.Text => 4,
                _ => 5,
            })
            .ThenBy(mediaType => mediaType, StringComparer.Ordinal)
            .First();

    private static BodyKind KindOf(string mediaType, bool isRequest)
    {
        var essence = mediaType.Split(';')[0].Trim();
        if (essence.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 || essence == "*/*")
        {
            return BodyKind.Json;
        }

        if (isRequest && essence.Equals(MultipartFormData, StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Multipart;
        }

        if (isRequest && essence.Equals(FormUrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.FormUrlEncoded;
        }

        return essence.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || essence.IndexOf("xml", StringComparison.OrdinalIgnoreCase) >= 0 || essence.Equals(FormUrlEncoded, StringComparison.OrdinalIgnoreCase)
            ? BodyKind.Text
            : BodyKind.Binary;
    }

    /// <summary>What the mapping of one operation's bodies and responses needs to know about the operation.</summary>
    private sealed record OperationContext(string Pointer, string BaseName, string DisplayName, NameAllocator ParameterNames);
}
