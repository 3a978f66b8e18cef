using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The variants of a <c>oneOf</c> or <c>anyOf</c> schema.</summary>
/// <param name="DiscriminatorProperty">The JSON name of <c>discriminator.propertyName</c>, or null without a discriminator.</param>
/// <param name="Variants">The variants in the order of the document, which is the order they are tried in.</param>
internal sealed record UnionModel(string? DiscriminatorProperty, EquatableArray<UnionVariantModel> Variants);

/// <summary>One variant of a union.</summary>
/// <param name="Name">The C# name of the variant's property, unique in the union class.</param>
/// <param name="Type">The variant's type, never nullable.</param>
/// <param name="JsonKind">The kind of JSON value the variant accepts, the first test when a value is read.</param>
/// <param name="DiscriminatorValues">The discriminator values that select this variant, in ordinal order.</param>
/// <param name="RequiredProperties">The JSON names the variant requires, used to choose it without a discriminator.</param>
internal sealed record UnionVariantModel(
    string Name,
    TypeModel Type,
    UnionJsonKind JsonKind,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> RequiredProperties);

/// <summary>The kinds of JSON value that a union variant accepts.</summary>
internal enum UnionJsonKind
{
    Any,
    Object,
    Array,
    String,
    Number,
    Boolean,
}
