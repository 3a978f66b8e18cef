using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>An object schema that becomes one C# class.</summary>
/// <param name="TypeName">The C# type name, unique in the document.</param>
/// <param name="JsonPointer">Where the schema is defined, for example <c>#/components/schemas/Pet</c>.</param>
internal sealed record SchemaModel(
    string TypeName,
    string JsonPointer,
    string? Description,
    SchemaRole Role,
    EquatableArray<PropertyModel> Properties);
