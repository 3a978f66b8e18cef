namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The C# type of a property, parameter or body.</summary>
/// <param name="ModelName">The generated type name when <see cref="Kind"/> is <see cref="TypeKind.Model"/>.</param>
/// <param name="Item">The item type when <see cref="Kind"/> is <see cref="TypeKind.Array"/>.</param>
/// <param name="IsNullable">True when the schema allows JSON <c>null</c> (<c>nullable: true</c>, or <c>null</c> among the types).</param>
internal sealed record TypeModel(TypeKind Kind, string? ModelName, TypeModel? Item, bool IsNullable)
{
    public static TypeModel Of(TypeKind kind, bool isNullable = false) => new(kind, null, null, isNullable);

    public static TypeModel ForModel(string name, bool isNullable = false) => new(TypeKind.Model, name, null, isNullable);

    public static TypeModel ArrayOf(TypeModel item, bool isNullable = false) => new(TypeKind.Array, null, item, isNullable);

    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.DateTimeOffset or TypeKind.Json;
}
