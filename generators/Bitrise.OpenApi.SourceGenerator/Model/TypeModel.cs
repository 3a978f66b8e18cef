namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The C# type of a property, parameter or body.</summary>
/// <param name="ModelName">The generated type name when <see cref="Kind"/> is <see cref="TypeKind.Model"/>, <see cref="TypeKind.Enum"/> or <see cref="TypeKind.Union"/>.</param>
/// <param name="Item">The item type of an <see cref="TypeKind.Array"/>, or the value type of a <see cref="TypeKind.Map"/>.</param>
/// <param name="IsNullable">True when the schema allows JSON <c>null</c> (<c>nullable: true</c>, or <c>null</c> among the types).</param>
internal sealed record TypeModel(TypeKind Kind, string? ModelName, TypeModel? Item, bool IsNullable)
{
    public static TypeModel Of(TypeKind kind, bool isNullable = false) => new(kind, null, null, isNullable);

    public static TypeModel ForModel(string name, bool isNullable = false) => new(TypeKind.Model, name, null, isNullable);

    public static TypeModel ArrayOf(TypeModel item, bool isNullable = false) => new(TypeKind.Array, null, item, isNullable);

    public static TypeModel MapOf(TypeModel value, bool isNullable = false) => new(TypeKind.Map, null, value, isNullable);

    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid or TypeKind.Json or TypeKind.Enum;

    /// <summary>True for the kinds that are generated types with their own converter and contract.</summary>
    public bool IsGenerated => Kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union;
}
