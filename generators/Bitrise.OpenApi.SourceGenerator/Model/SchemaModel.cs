using System.Linq;
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
/// <param name="BaseTypeName">
/// The class this one derives from, when the schema is an <c>allOf</c> of one <c>$ref</c> and its own properties;
/// null for a class that merges every <c>allOf</c> part.
/// </param>
/// <param name="InheritedProperties">The properties declared by the base classes, which the converter and <c>ToString()</c> include.</param>
/// <param name="IsBase">True when another generated class derives from this one, so it is not sealed.</param>
/// <param name="DiscriminatorProperty">
/// The JSON name of the <c>discriminator.propertyName</c> that the class or one of its <c>allOf</c> bases declares,
/// or null without one.
/// </param>
/// <param name="DiscriminatorValues">
/// The values of <see cref="DiscriminatorProperty"/> that stand for this class, in ordinal order: the keys of
/// <c>mapping</c> that point at it, or else its name under <c>components/schemas</c>.
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
    UnionModel? Union = null,
    string? BaseTypeName = null,
    EquatableArray<PropertyModel> InheritedProperties = default,
    bool IsBase = false,
    string? DiscriminatorProperty = null,
    EquatableArray<string> DiscriminatorValues = default)
{
    /// <summary>The inherited properties followed by the class's own ones: every member the JSON object can have.</summary>
    public EquatableArray<PropertyModel> AllProperties => InheritedProperties.Concat(Properties).ToEquatableArray();
}
