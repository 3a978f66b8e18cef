using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using NJsonSchema;
using NSwag;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Maps the operations under <c>paths</c> to <see cref="OperationModel"/> values.</summary>
internal sealed class OperationMapper
{
    /// <summary>Names the generated client uses for its own members; operation methods avoid them.</summary>
    private static readonly string[] ReservedMethodNames = { "SendAsync", "SendWithoutResponseBodyAsync", "CreateRequest", "AppendQuery", "JoinValues", "CreateFailureAsync", "JsonBody", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

    /// <summary>Parameter names the generated methods use themselves: the body, the token and two locals.</summary>
    private static readonly string[] ReservedParameterNames = { "request", "cancellationToken", "requestPath", "requestQuery" };

    private static readonly Regex PathPlaceholder = new("\\{([^}]+)\\}", RegexOptions.CultureInvariant);

    private readonly SchemaMapper _schemas;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameAllocator _methodNames;

    /// <summary>The operation that each method name was given to, described for a duplicate-name warning.</summary>
    private readonly Dictionary<string, string> _methodOperations = new(StringComparer.Ordinal);
    private bool _isOpenApi3 = true;

    public OperationMapper(SchemaMapper schemas, DiagnosticBag diagnostics, string clientName)
    {
        _schemas = schemas;
        _diagnostics = diagnostics;
        _methodNames = new NameAllocator(ReservedMethodNames.Append(clientName));
    }


    /// <summary>The generated classes sent as request bodies.</summary>
    public HashSet<string> RequestModels { get; } = new(StringComparer.Ordinal);

    /// <summary>The generated classes read from responses or used in parameters.</summary>
    public HashSet<string> ResponseModels { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<OperationModel> Map(OpenApiDocument document)
    {
        _isOpenApi3 = document.SchemaType != SchemaType.Swagger2;
        var operations = new List<OperationModel>();
        foreach (var path in document.Paths.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            foreach (var entry in path.Value.ActualPathItem.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                var pointer = "#/paths/" + SchemaMapper.EscapePointer(path.Key) + "/" + entry.Key;
                var operation = MapOperation(path.Key, entry.Key, entry.Value, pointer);
                if (operation is not null)
                {
                    operations.Add(operation);
                }
            }
        }

        return operations;
    }

    private OperationModel? MapOperation(string path, string method, OpenApiOperation operation, string pointer)
    {
        var operationId = operation.OperationId;
        var baseName = string.IsNullOrWhiteSpace(operationId)
            ? Naming.ToPascalCase(method.ToLowerInvariant() + " " + Regex.Replace(path, "[{}]", " "))
            : Naming.ToPascalCase(operationId!);
        var displayName = string.IsNullOrWhiteSpace(operationId) ? method.ToUpperInvariant() + " " + path : operationId!;

        var parameterNames = new NameAllocator(ReservedParameterNames);
        var pathParameters = new List<ParameterModel>();
        var queryParameters = new List<ParameterModel>();
        JsonSchema? bodySchema = null;
        string? bodyDescription = null;
        string? bodyPointer = null;

        var parameters = operation.ActualParameters.Select(parameter => parameter.ActualParameter).ToList();
        var placeholders = PathPlaceholder.Matches(path).Cast<Match>().Select(match => match.Groups[1].Value).ToList();
        foreach (var placeholder in placeholders)
        {
            var parameter = parameters.FirstOrDefault(candidate => candidate.Kind == OpenApiParameterKind.Path && candidate.Name == placeholder);
            var parameterPointer = pointer + "/parameters/" + SchemaMapper.EscapePointer(placeholder);
            var type = parameter is null
                ? TypeModel.Of(TypeKind.String)
                : MapParameterType(parameter, parameterPointer, baseName);
            if (!IsTextType(type))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedPathParameter, parameterPointer, displayName, placeholder);
                return null;
            }

            if (parameter is not null && parameter.Style is not (OpenApiParameterStyle.Undefined or OpenApiParameterStyle.Simple))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameterStyle, parameterPointer, placeholder, displayName, parameter.Style.ToString().ToLowerInvariant(), "simple");
            }

            pathParameters.Add(new ParameterModel(
                Naming.EscapeKeyword(parameterNames.Allocate(Naming.ToCamelCase(placeholder))),
                placeholder,
                parameter?.Description,
                type with { IsNullable = false },
                IsRequired: true));
        }

        // Parameters keep the document's order: it is the order of the method's parameters, which callers
        // rely on when they pass arguments by position.
        foreach (var parameter in parameters)
        {
            var parameterPointer = pointer + "/parameters/" + SchemaMapper.EscapePointer(parameter.Name ?? string.Empty);
            switch (parameter.Kind)
            {
                case OpenApiParameterKind.Path:
                    break;
                case OpenApiParameterKind.Query:
                    var type = MapParameterType(parameter, parameterPointer, baseName);
                    if (!IsTextType(type))
                    {
                        _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameter, parameterPointer, "object-valued query", parameter.Name ?? string.Empty, displayName);
                        break;
                    }

                    queryParameters.Add(new ParameterModel(
                        Naming.EscapeKeyword(parameterNames.Allocate(Naming.ToCamelCase(parameter.Name ?? "value"))),
                        parameter.Name ?? string.Empty,
                        parameter.Description,
                        type with { IsNullable = false },
                        parameter.IsRequired,
                        IsExplodedQuery(parameter, type, parameterPointer, displayName)));
                    break;
                case OpenApiParameterKind.Body:
                    bodySchema = parameter.Schema ?? parameter;
                    bodyDescription = parameter.Description;
                    bodyPointer = parameterPointer + "/schema";
                    break;
                case OpenApiParameterKind.FormData:
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedRequestBody, parameterPointer, displayName, "multipart/form-data");
                    return null;
                default:
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameter, parameterPointer, parameter.Kind.ToString().ToLowerInvariant(), parameter.Name ?? string.Empty, displayName);
                    break;
            }
        }

        // NSwag also lists an OpenAPI 3 request body among the parameters; its content decides the media type.
        var requestBody = operation.RequestBody?.ActualRequestBody;
        if (requestBody is not null && requestBody.Content.Count > 0)
        {
            var mediaType = JsonMediaType(requestBody.Content.Keys);
            if (mediaType is null)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedRequestBody, pointer + "/requestBody", displayName, string.Join(", ", requestBody.Content.Keys.OrderBy(key => key, StringComparer.Ordinal)));
                return null;
            }

            bodySchema = requestBody.Content[mediaType].Schema ?? new JsonSchema();
            bodyDescription = requestBody.Description;
            bodyPointer = pointer + "/requestBody/content/" + SchemaMapper.EscapePointer(mediaType) + "/schema";
        }
        else if (bodySchema is not null && operation.ActualConsumes is { Count: > 0 } consumes && JsonMediaType(consumes) is null)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedRequestBody, bodyPointer!, displayName, string.Join(", ", consumes.OrderBy(key => key, StringComparer.Ordinal)));
            return null;
        }

        TypeModel? bodyType = null;
        if (bodySchema is not null)
        {
            bodyType = _schemas.Map(bodySchema, bodyPointer!, baseName + "Request");
            SchemaMapper.AddModelNames(bodyType, RequestModels);
        }

        var responseType = MapResponse(operation, pointer, baseName, displayName);
        SchemaMapper.AddModelNames(responseType, ResponseModels);

        return new OperationModel(
            AllocateMethodName(baseName, path, method, operationId, pointer),
            method.ToUpperInvariant(),
            path,
            operation.Summary,
            operation.Description,
            pathParameters.ToEquatableArray(),
            queryParameters.OrderBy(parameter => parameter.IsRequired ? 0 : 1).ToEquatableArray(),
            bodyType,
            bodyDescription,
            responseType);
    }

    /// <summary>
    /// Returns <c>{baseName}Async</c>, or <c>{baseName}2Async</c> and so on when an earlier operation has that
    /// name, which is reported at the later operation.
    /// </summary>
    private string AllocateMethodName(string baseName, string path, string method, string? operationId, string pointer)
    {
        var operation = method.ToUpperInvariant() + " " + path + (string.IsNullOrWhiteSpace(operationId) ? " (no operationId)" : " (operationId '" + operationId + "')");
        var expected = baseName + "Async";
        var methodName = _methodNames.Allocate(baseName, "Async");
        if (methodName != expected && _methodOperations.TryGetValue(expected, out var earlier))
        {
            var location = string.IsNullOrWhiteSpace(operationId) ? pointer : pointer + "/operationId";
            _diagnostics.AddAtPointer(DiagnosticDescriptors.DuplicateMethodName, location, earlier, operation, expected, methodName);
        }

        _methodOperations[methodName] = operation;
        return methodName;
    }

    private TypeModel MapParameterType(OpenApiParameter parameter, string pointer, string baseName)
    {
        var type = _schemas.Map(parameter.Schema ?? parameter, pointer, baseName + Naming.ToPascalCase(parameter.Name ?? "Parameter"));
        SchemaMapper.AddModelNames(type, ResponseModels);
        return type;
    }

    private TypeModel? MapResponse(OpenApiOperation operation, string pointer, string baseName, string displayName)
    {
        var success = operation.ActualResponses
            .Where(entry => entry.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (success.Value is null)
        {
            return null;
        }

        var response = success.Value.ActualResponse;
        var responsePointer = pointer + "/responses/" + success.Key;
        if (response.Content.Count > 0)
        {
            var mediaType = JsonMediaType(response.Content.Keys);
            if (mediaType is null)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedResponseBody, responsePointer, displayName, string.Join(", ", response.Content.Keys.OrderBy(key => key, StringComparer.Ordinal)));
                return null;
            }

            var schema = response.Content[mediaType].Schema;
            return schema is null ? null : _schemas.Map(schema, responsePointer + "/content/" + SchemaMapper.EscapePointer(mediaType) + "/schema", baseName + "Response");
        }

        return response.Schema is null ? null : _schemas.Map(response.Schema, responsePointer + "/schema", baseName + "Response");
    }

    /// <summary>Picks <c>application/json</c>, or else another JSON media type such as <c>application/problem+json</c>.</summary>
    private static string? JsonMediaType(IEnumerable<string> mediaTypes)
    {
        var candidates = mediaTypes.OrderBy(type => type, StringComparer.Ordinal).ToList();
        return candidates.FirstOrDefault(type => type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(type => type.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 || type == "*/*");
    }

    /// <summary>
    /// Decides how a query array is sent and reports styles the client does not implement. OpenAPI 3 defaults
    /// to exploded <c>form</c>; Swagger 2.0 defaults to <c>csv</c>.
    /// </summary>
    private bool IsExplodedQuery(OpenApiParameter parameter, TypeModel type, string pointer, string displayName)
    {
        if (parameter.Style is not (OpenApiParameterStyle.Undefined or OpenApiParameterStyle.Form))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameterStyle, pointer, parameter.Name ?? string.Empty, displayName, parameter.Style.ToString().ToLowerInvariant(), "form");
        }

        if (type.Kind != TypeKind.Array)
        {
            return true;
        }

        switch (parameter.CollectionFormat)
        {
            case OpenApiParameterCollectionFormat.Multi:
                return true;
            case OpenApiParameterCollectionFormat.Csv:
                return false;
            case OpenApiParameterCollectionFormat.Undefined:
                return parameter.Explode ?? _isOpenApi3;
            default:
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameterStyle, pointer, parameter.Name ?? string.Empty, displayName, parameter.CollectionFormat.ToString().ToLowerInvariant(), "csv");
                return false;
        }
    }

    /// <summary>Primitives and arrays of primitives, which the client can write as text into a path or query.</summary>
    private static bool IsTextType(TypeModel type) =>
        type.Kind switch
        {
            TypeKind.Model or TypeKind.Json => false,
            TypeKind.Array => type.Item is { Kind: not (TypeKind.Model or TypeKind.Json or TypeKind.Array) },
            _ => true,
        };
}
