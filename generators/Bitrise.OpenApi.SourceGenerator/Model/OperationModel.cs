using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>One operation, which becomes one client method.</summary>
/// <param name="MethodName">The C# method name, <c>{OperationId}Async</c>, unique in the client.</param>
/// <param name="HttpMethod">The upper-case HTTP method, for example <c>GET</c>.</param>
/// <param name="Path">The path template as written in the document, for example <c>/apps/{app-slug}</c>.</param>
/// <param name="Parameters">
/// The parameters in the order of the method's parameters: path parameters in the order of the template, then
/// query, header and cookie parameters in document order with the required ones first.
/// </param>
/// <param name="RequestBody">The JSON request body type, or null when the operation sends none.</param>
/// <param name="ResponseBody">The JSON type of the first 2xx response, or null when it has no JSON body.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    TypeModel? RequestBody,
    string? RequestBodyDescription,
    TypeModel? ResponseBody);
