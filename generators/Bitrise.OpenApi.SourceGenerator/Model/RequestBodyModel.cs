using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The request body of an operation.</summary>
/// <param name="Fields">
/// The fields of a form or multipart body, which become method parameters in the order of the schema's
/// properties with the required ones first; empty for the other kinds.
/// </param>
internal sealed record RequestBodyModel(
    BodyModel Body,
    string? Description,
    EquatableArray<FormFieldModel> Fields);
