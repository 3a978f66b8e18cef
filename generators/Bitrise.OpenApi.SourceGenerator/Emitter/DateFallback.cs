using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Turns every <see cref="TypeKind.Date"/> of a document into <see cref="TypeKind.String"/>, for a consumer
/// whose compilation has no <c>System.DateOnly</c> (targets before .NET 6), so that the emitters
/// handle one kind and none needs to know about the target.
/// </summary>
internal static class DateFallback
{
    public static OpenApiDocumentModel ToStrings(OpenApiDocumentModel document) =>
        document with
        {
            Schemas = document.Schemas.Select(Schema).ToEquatableArray(),
            Operations = document.Operations.Select(Operation).ToEquatableArray(),
        };

    private static SchemaModel Schema(SchemaModel schema) =>
        schema with
        {
            Properties = schema.Properties.Select(Property).ToEquatableArray(),
            InheritedProperties = schema.InheritedProperties.Select(Property).ToEquatableArray(),
            AdditionalProperties = schema.AdditionalProperties is null ? null : Property(schema.AdditionalProperties),
            Union = schema.Union is null
                ? null
                : schema.Union with { Variants = schema.Union.Variants.Select(variant => variant with { Type = Type(variant.Type) }).ToEquatableArray() },
        };

    private static PropertyModel Property(PropertyModel property) => property with { Type = Type(property.Type) };

    private static OperationModel Operation(OperationModel operation) =>
        operation with
        {
            Parameters = operation.Parameters.Select(parameter => parameter with { Type = Type(parameter.Type) }).ToEquatableArray(),
            RequestBody = operation.RequestBody is null
                ? null
                : operation.RequestBody with
                {
                    Body = Body(operation.RequestBody.Body),
                    Fields = operation.RequestBody.Fields.Select(field => field with { Type = Type(field.Type) }).ToEquatableArray(),
                },
            SuccessResponses = operation.SuccessResponses.Select(Response).ToEquatableArray(),
            ErrorResponses = operation.ErrorResponses.Select(Response).ToEquatableArray(),
            Result = operation.Result is null ? null : Body(operation.Result),
            ResultType = operation.ResultType is null
                ? null
                : operation.ResultType with { Properties = operation.ResultType.Properties.Select(property => property with { Body = Body(property.Body) }).ToEquatableArray() },
        };

    private static ResponseModel Response(ResponseModel response) =>
        response.Body is null ? response : response with { Body = Body(response.Body) };

    private static BodyModel Body(BodyModel body) =>
        body.Type is null ? body : body with { Type = Type(body.Type) };

    private static TypeModel Type(TypeModel type) =>
        type.Kind == TypeKind.Date
            ? type with { Kind = TypeKind.String }
            : type.Item is null ? type : type with { Item = Type(type.Item) };
}
