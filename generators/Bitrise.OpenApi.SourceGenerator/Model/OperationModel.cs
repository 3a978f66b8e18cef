using System.Collections.Generic;
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
/// <param name="RequestBody">The request body, or null when the operation sends none.</param>
/// <param name="SuccessResponses">The 2xx responses in ordinal order, or the <c>default</c> response when there is no 2xx one.</param>
/// <param name="ErrorResponses">The other responses, in the order the client matches a status: exact codes, ranges, <c>default</c>.</param>
/// <param name="Result">The body the method returns, or null when it returns <c>Task</c> or a <paramref name="ResultType"/>.</param>
/// <param name="IsResultOptional">True when a success response has no body, so the method returns <c>null</c> for it.</param>
/// <param name="ResultType">The generated type the method returns when its 2xx responses have different bodies, or null.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? RequestBody,
    EquatableArray<ResponseModel> SuccessResponses,
    EquatableArray<ResponseModel> ErrorResponses,
    BodyModel? Result,
    bool IsResultOptional,
    ResultTypeModel? ResultType)
{
    /// <summary>Returns the types of the JSON bodies the client writes or reads, which need a JSON contract.</summary>
    public IEnumerable<TypeModel> JsonBodyTypes()
    {
        if (RequestBody?.Body.Type is { } requestType)
        {
            yield return requestType;
        }

        if (Result?.Type is { } resultType)
        {
            yield return resultType;
        }

        foreach (var property in ResultType?.Properties ?? default)
        {
            if (property.Body.Type is { } propertyType)
            {
                yield return propertyType;
            }
        }

        foreach (var error in ErrorResponses)
        {
            if (error.Body?.Type is { } errorType)
            {
                yield return errorType;
            }
        }
    }
}
