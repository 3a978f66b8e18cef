using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A schema that becomes one generated C# type: a class, an open enum or a union.</summary>
/// <param name="TypeName">The C# type name, unique in the document.</param>
/// <param name="JsonPointer">Where the schema is defined, for example <c>#/components/schemas/Pet</c>.</param>
/// <param name="Properties">The properties of a class; empty for an enum or a union.</param>
/// <param name="AdditionalProperties">
/// The map property that keeps the members <see cref="Properties"/> does not name, when the schema has both
/// <c>properties</c> and <c>additionalProperties</c>; null when such members are skipped.
/// </param>
internal sealed record SchemaModel(
    string TypeName,
    string JsonPointer,
    string? Description,
    SchemaRole Role,
    EquatableArray<PropertyModel> Properties,
    SchemaKind Kind = SchemaKind.Object,
    PropertyModel? AdditionalProperties = null,
    EnumModel? Enum = null,
    UnionModel? Union = null);
