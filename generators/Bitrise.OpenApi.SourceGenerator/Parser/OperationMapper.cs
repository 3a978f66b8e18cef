using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using NJsonSchema;
using NSwag;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Maps the operations under <c>paths</c> to <see cref="OperationModel"/> values.</summary>
internal sealed partial class OperationMapper
{
    /// <summary>
    /// Names of the generated client's own members and those it inherits from <c>object</c>; operation methods
    /// avoid them. Only the names that end in <c>Async</c> can collide, but the list names every member so that
    /// it stays complete when the helpers change.
    /// </summary>
    internal static readonly string[] ReservedMethodNames =
    {
        "SendAsync", "BaseAddress", "CreateFailureAsync", "ReadErrorBodyStartAsync",
        "RedactSecrets", "Shorten", "Start", "RequestBuilder", "ParameterValue", "ParameterStyle", "UrlQuery",
        "ReadNoBodyAsync", "ReadJsonAsync", "ReadTextAsync", "ReadStreamAsync", "ReadErrorBody", "ResponseStream", "CallerStreamContent",
        "ResponseExcerptLength", "ServiceMessageLength", "MessageExcerptLength", "ErrorBodyByteLimit", "ResponseBodyLength",
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize",
    };

    /// <summary>Parameter names the generated methods use themselves: the body, the token and the request builder.</summary>
    private static readonly string[] ReservedParameterNames = { "request", "cancellationToken", "requestBuilder" };

    /// <summary>Header parameters that OpenAPI 3.0 requires a client to ignore.</summary>
    private static readonly string[] IgnoredHeaders = { "Accept", "Content-Type", "Authorization" };

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
        _methodNames = new NameAllocator(ReservedMethodNames.Append(clientName).Append(Naming.InterfaceName(clientName)));
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
            var pathPointer = "#/paths/" + SchemaMapper.EscapePointer(path.Key);
            if (PathTemplateProblem(path.Key) is { } problem)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.InvalidPathTemplate, pathPointer, path.Key, problem.Reason, problem.Fix);
                continue;
            }

            foreach (var entry in path.Value.ActualPathItem.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                var pointer = pathPointer + "/" + entry.Key;
                var operation = MapOperation(RequestPath(path.Key), entry.Key, entry.Value, pointer);
                if (operation is not null)
                {
                    operations.Add(operation);
                }
            }
        }

        return operations;
    }

    /// <summary>
    /// Returns why a path key cannot be a path template, with the fix, or null when it can. The client appends
    /// the query string after the path and puts a path parameter's value only where a whole '{name}' is, so
    /// a '?' in the key, or a brace without its partner, would give a malformed request URI.
    /// </summary>
    private static (string Reason, string Fix)? PathTemplateProblem(string path)
    {
        path = RequestPath(path);
        var queryStart = path.IndexOf('?');
        if (queryStart >= 0)
        {
            return ("contains a query string ('" + path.Substring(queryStart) + "'), which OpenAPI does not allow in a path",
                "Remove it from the path, and declare each query value as an 'in: query' parameter");
        }

        var openAt = -1;
        for (var index = 0; index < path.Length; index++)
        {
            var character = path[index];
            if (character == '{' && openAt >= 0)
            {
                return ("opens a placeholder inside another placeholder",
                    "Close each '{' with '}' before the next '{'");
            }

            if (character == '}' && openAt < 0)
            {
                return ("has a '}' that closes no placeholder",
                    "Remove the '}', or add the '{' that it closes");
            }

            if (character == '}' && index == openAt + 1)
            {
                return ("has an empty placeholder '{}'",
                    "Write the path parameter's name between the braces, or remove them");
            }

            if (character == '{')
            {
                openAt = index;
            }
            else if (character == '}')
            {
                openAt = -1;
            }
        }

        if (openAt >= 0)
        {
            return ("has a '{' that is never closed",
                "Close the placeholder with '}', or remove the '{'");
        }

        return null;
    }

    /// <summary>
    /// Returns the path key without a fragment. Some documents add '#name' to a path key to describe one path
    /// twice (such as '/cookies#formExploded'), and a client never sends a fragment.
    /// </summary>
    private static string RequestPath(string path)
    {
        var fragmentStart = path.IndexOf('#');
        return fragmentStart < 0 ? path : path.Substring(0, fragmentStart);
    }

    private OperationModel? MapOperation(string path, string method, OpenApiOperation operation, string pointer)
    {
        var operationId = operation.OperationId;
        var hasUsableId = !string.IsNullOrWhiteSpace(operationId) && operationId!.Any(char.IsLetterOrDigit);
        var baseName = hasUsableId
            ? Naming.ToPascalCase(operationId!)
            : Naming.ToPascalCase(method.ToLowerInvariant() + " " + Regex.Replace(path, "[{}]", " "));
        var displayName = hasUsableId ? operationId! : method.ToUpperInvariant() + " " + path;
        if (!hasUsableId && !string.IsNullOrWhiteSpace(operationId))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnusableOperationId, pointer + "/operationId", operationId!, baseName + "Async");
        }

        var parameterNames = new NameAllocator(ReservedParameterNames);
        var pathParameters = new List<ParameterModel>();
        var otherParameters = new List<ParameterModel>();
        OpenApiParameter? swaggerBody = null;
        var formDataParameters = new List<OpenApiParameter>();

        var parameters = operation.ActualParameters.Select(parameter => parameter.ActualParameter).ToList();
        var placeholders = PathPlaceholder.Matches(path).Cast<Match>().Select(match => match.Groups[1].Value).ToList();
        foreach (var placeholder in placeholders)
        {
            var parameter = parameters.FirstOrDefault(candidate => candidate.Kind == OpenApiParameterKind.Path && candidate.Name == placeholder);
            if (parameter is null)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.MissingPathParameter, pointer, path, placeholder, displayName);
            }

            var parameterPointer = parameter is null ? pointer : ParameterPointer(operation, pointer, parameter);
            var type = parameter is null
                ? TypeModel.Of(TypeKind.String)
                : MapParameterType(parameter, parameterPointer, baseName);
            if (!IsParameterType(type))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedPathParameter, parameterPointer, displayName, placeholder);
                return null;
            }

            var (style, isExploded) = parameter is null
                ? (ParameterStyle.Simple, false)
                : MapStyle(parameter, ParameterLocation.Path, type, parameterPointer, displayName);
            pathParameters.Add(new ParameterModel(
                AllocateParameterName(parameterNames, placeholder, nameof(ParameterLocation.Path)),
                placeholder,
                parameter?.Description,
                type with { IsNullable = false },
                IsRequired: true,
                ParameterLocation.Path,
                style,
                isExploded));
        }

        // Parameters keep the document's order: it is the order of the method's parameters, which callers
        // rely on when they pass arguments by position.
        foreach (var parameter in parameters)
        {
            var parameterPointer = ParameterPointer(operation, pointer, parameter);
            switch (parameter.Kind)
            {
                case OpenApiParameterKind.Path:
                    if (!placeholders.Contains(parameter.Name ?? string.Empty, StringComparer.Ordinal))
                    {
                        _diagnostics.AddAtPointer(DiagnosticDescriptors.UnusedPathParameter, parameterPointer, parameter.Name ?? string.Empty, displayName, path);
                    }

                    break;
                case OpenApiParameterKind.Query or OpenApiParameterKind.Header or OpenApiParameterKind.Cookie:
                    var mapped = MapParameter(parameter, parameterNames, parameterPointer, baseName, displayName);
                    if (mapped is not null)
                    {
                        otherParameters.Add(mapped);
                    }

                    break;
                case OpenApiParameterKind.Body:
                    swaggerBody = parameter;
                    break;
                case OpenApiParameterKind.FormData:
                    formDataParameters.Add(parameter);
                    break;
                default:
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameter, parameterPointer, parameter.Kind.ToString().ToLowerInvariant(), parameter.Name ?? string.Empty, displayName);
                    break;
            }
        }

        var operationContext = new OperationContext(pointer, baseName, displayName, parameterNames);
        if (!TryMapRequestBody(operation, swaggerBody, formDataParameters, operationContext, out var requestBody))
        {
            return null;
        }

        var (successes, errors) = MapResponses(operation, operationContext);
        var (result, isResultOptional, resultType) = ChooseResult(successes, operationContext);

        return new OperationModel(
            AllocateMethodName(baseName, path, method, operationId, pointer),
            method.ToUpperInvariant(),
            path,
            operation.Summary,
            operation.Description,
            pathParameters.Concat(otherParameters.OrderBy(parameter => parameter.IsRequired ? 0 : 1)).ToEquatableArray(),
            requestBody,
            successes,
            errors,
            result,
            isResultOptional,
            resultType);
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
        var location = string.IsNullOrWhiteSpace(operationId) ? pointer : pointer + "/operationId";
        if (methodName != expected && _methodOperations.TryGetValue(expected, out var earlier))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.DuplicateMethodName, location, earlier, operation, expected, methodName);
        }
        else if (methodName != expected)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.ReservedMethodName, location, operation, expected, methodName);
        }

        _methodOperations[methodName] = operation;
        return methodName;
    }

    private TypeModel MapParameterType(OpenApiParameter parameter, string pointer, string baseName)
    {
        var type = _schemas.MapParameter(parameter.Schema ?? parameter, pointer, baseName + Naming.ToPascalCase(parameter.Name ?? "Parameter"));
        SchemaMapper.AddModelNames(type, ResponseModels);
        return type;
    }

    /// <summary>
    /// Maps a query, header or cookie parameter, or reports it when the client cannot send it: the headers that
    /// OpenAPI requires a client to ignore, and arrays whose items are objects or arrays.
    /// </summary>
    private ParameterModel? MapParameter(OpenApiParameter parameter, NameAllocator names, string pointer, string baseName, string displayName)
    {
        var wireName = parameter.Name ?? string.Empty;
        var location = parameter.Kind switch
        {
            OpenApiParameterKind.Query => ParameterLocation.Query,
            OpenApiParameterKind.Header => ParameterLocation.Header,
            _ => ParameterLocation.Cookie,
        };
        var kind = location.ToString().ToLowerInvariant();

        // OpenAPI 3.0 requires these header parameters to be ignored. The client sets Accept and Content-Type
        // itself, and Authorization belongs to the HttpClient's configuration.
        if (location == ParameterLocation.Header && IgnoredHeaders.Contains(wireName, StringComparer.OrdinalIgnoreCase))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameter, pointer, kind, wireName, displayName);
            return null;
        }

        var type = MapParameterType(parameter, pointer, baseName);
        if (!IsParameterType(type))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameter, pointer, "array-of-objects " + kind, wireName, displayName);
            return null;
        }

        var (style, isExploded) = MapStyle(parameter, location, type, pointer, displayName);
        return new ParameterModel(
            AllocateParameterName(names, wireName, location.ToString()),
            wireName,
            parameter.Description,
            type with { IsNullable = false },
            parameter.IsRequired,
            location,
            style,
            isExploded);
    }

    /// <summary>
    /// Returns the camelCase name, or, when an earlier parameter or a name of the generated method has it, the name
    /// followed by the location (<c>idQuery</c> beside the path parameter <c>id</c>), then numbered.
    /// </summary>
    private static string AllocateParameterName(NameAllocator names, string wireName, string location)
    {
        var name = Naming.ToCamelCase(wireName);
        var allocated = names.IsUsed(name) ? names.Allocate(name + location) : names.Allocate(name);
        return Naming.EscapeKeyword(allocated);
    }

    /// <summary>
    /// Reads the style and the explode flag, and reports a style that the location does not allow or the
    /// value's type cannot use; such a parameter is sent in the location's default style.
    /// </summary>
    /// <remarks>
    /// OpenAPI 3 defaults to <c>simple</c> in path and header and to <c>form</c> in query and cookie, with
    /// <c>explode</c> true only for <c>form</c>. Swagger 2.0 has <c>collectionFormat</c> instead, whose default
    /// <c>csv</c> joins items with commas; <c>ssv</c> and <c>pipes</c> are the OpenAPI 3 <c>spaceDelimited</c>
    /// and <c>pipeDelimited</c>, and <c>multi</c> is exploded <c>form</c>.
    /// </remarks>
    private (ParameterStyle Style, bool IsExploded) MapStyle(OpenApiParameter parameter, ParameterLocation location, TypeModel type, string pointer, string displayName)
    {
        var defaultStyle = location is ParameterLocation.Path or ParameterLocation.Header ? ParameterStyle.Simple : ParameterStyle.Form;
        string? written;
        ParameterStyle? style;
        bool? explode = parameter.Explode;
        if (parameter.Style != OpenApiParameterStyle.Undefined)
        {
            style = parameter.Style switch
            {
                OpenApiParameterStyle.Simple => ParameterStyle.Simple,
                OpenApiParameterStyle.Label => ParameterStyle.Label,
                OpenApiParameterStyle.Matrix => ParameterStyle.Matrix,
                OpenApiParameterStyle.Form => ParameterStyle.Form,
                OpenApiParameterStyle.SpaceDelimeted => ParameterStyle.SpaceDelimited,
                OpenApiParameterStyle.PipeDelimited => ParameterStyle.PipeDelimited,
                OpenApiParameterStyle.DeepObject => ParameterStyle.DeepObject,
                _ => null,
            };
            written = style is null ? parameter.Style.ToString().ToLowerInvariant() : StyleName(style.Value);
        }
        else
        {
            switch (parameter.CollectionFormat)
            {
                case OpenApiParameterCollectionFormat.Undefined:
                    style = defaultStyle;
                    explode ??= _isOpenApi3 ? defaultStyle == ParameterStyle.Form : false;
                    break;
                case OpenApiParameterCollectionFormat.Csv:
                    style = defaultStyle;
                    explode = false;
                    break;
                case OpenApiParameterCollectionFormat.Multi:
                    style = ParameterStyle.Form;
                    explode = true;
                    break;
                case OpenApiParameterCollectionFormat.Ssv:
                    style = ParameterStyle.SpaceDelimited;
                    explode = false;
                    break;
                case OpenApiParameterCollectionFormat.Pipes:
                    style = ParameterStyle.PipeDelimited;
                    explode = false;
                    break;
                default:
                    style = null;
                    explode = false;
                    break;
            }

            written = "collectionFormat " + parameter.CollectionFormat.ToString().ToLowerInvariant();
        }

        if (style is null || !IsAllowed(style.Value, location, type))
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedParameterStyle, pointer, parameter.Name ?? string.Empty, displayName, written, StyleName(defaultStyle));
            style = defaultStyle;
        }

        return (style.Value, explode ?? style == ParameterStyle.Form);
    }

    /// <summary>Whether OpenAPI 3.0 defines the style for the location and the value's type.</summary>
    private static bool IsAllowed(ParameterStyle style, ParameterLocation location, TypeModel type) =>
        location switch
        {
            ParameterLocation.Path => style is ParameterStyle.Simple or ParameterStyle.Label or ParameterStyle.Matrix,
            ParameterLocation.Query => style switch
            {
                ParameterStyle.Form => true,
                ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited => type.Kind is TypeKind.Array or TypeKind.Model or TypeKind.Json,
                ParameterStyle.DeepObject => type.Kind is TypeKind.Model or TypeKind.Json,
                _ => false,
            },
            ParameterLocation.Header => style == ParameterStyle.Simple,
            _ => style == ParameterStyle.Form,
        };

    /// <summary>Returns the style as the document spells it, <c>spaceDelimited</c> for example.</summary>
    private static string StyleName(ParameterStyle style) => Naming.ToCamelCase(style.ToString());

    /// <summary>
    /// Whether the client can write a value of the type as a parameter: primitives, arrays of primitives, and
    /// objects, whose properties it writes as name and value pairs.
    /// </summary>
    /// <summary>
    /// Returns the pointer of a parameter's entry: its index in the operation's <c>parameters</c>, or else in the
    /// path item's, where a parameter shared by the path's operations is written.
    /// </summary>
    private static string ParameterPointer(OpenApiOperation operation, string operationPointer, OpenApiParameter parameter)
    {
        var own = IndexOf(operation.Parameters, parameter);
        if (own >= 0)
        {
            return operationPointer + "/parameters/" + own.ToString(CultureInfo.InvariantCulture);
        }

        var pathItemPointer = operationPointer.Substring(0, operationPointer.LastIndexOf('/'));
        var shared = operation.Parent is { } pathItem ? IndexOf(pathItem.Parameters, parameter) : -1;
        return shared >= 0 ? pathItemPointer + "/parameters/" + shared.ToString(CultureInfo.InvariantCulture) : operationPointer + "/parameters";
    }

    private static int IndexOf(IEnumerable<OpenApiParameter> parameters, OpenApiParameter parameter)
    {
        var index = 0;
        foreach (var candidate in parameters)
        {
            if (ReferenceEquals(candidate, parameter) || ReferenceEquals(candidate.ActualParameter, parameter))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    private static bool IsParameterType(TypeModel type) =>
        type.Kind != TypeKind.Array || type.Item is { Kind: not (TypeKind.Model or TypeKind.Json or TypeKind.Array) };
}
