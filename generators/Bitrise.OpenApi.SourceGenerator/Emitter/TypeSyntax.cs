using System;
using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>Spells <see cref="TypeModel"/> values as C# types with <c>global::</c> names.</summary>
internal static class TypeSyntax
{
    /// <summary>Returns the type without an outer <c>?</c>; array items carry their own nullability.</summary>
    public static string Of(TypeModel type, string @namespace) =>
        type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Boolean => "bool",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Double => "double",
            TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
            TypeKind.Date => "global::System.DateOnly",
            TypeKind.Guid => "global::System.Guid",
            TypeKind.Bytes => "byte[]",
            TypeKind.Json => "global::System.Text.Json.JsonElement",
            TypeKind.Model or TypeKind.Enum or TypeKind.Union => Model(type.ModelName!, @namespace),
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Item(type.Item!, @namespace) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Item(type.Item!, @namespace) + ">",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
        };

    public static string Nullable(TypeModel type, string @namespace) => Of(type, @namespace) + "?";

    /// <summary>Returns the type, with <c>?</c> when <paramref name="isNullable"/> is true.</summary>
    public static string Of(TypeModel type, string @namespace, bool isNullable) =>
        isNullable ? Nullable(type, @namespace) : Of(type, @namespace);

    public static string Model(string name, string @namespace) => "global::" + @namespace + "." + name;

    /// <summary>
    /// Returns the type that <c>typeof</c> gives at run time: array items keep <c>?</c> only where it makes a
    /// different type (<c>int?</c>), not where it is an annotation (<c>string?</c>).
    /// </summary>
    public static string RuntimeOf(TypeModel type, string @namespace)
    {
        if (type.Kind is not (TypeKind.Array or TypeKind.Map))
        {
            return Of(type, @namespace);
        }

        var item = type.Item!;
        var itemType = RuntimeOf(item, @namespace) + (item.IsNullable && item.IsValueType ? "?" : string.Empty);
        return type.Kind == TypeKind.Array
            ? "global::System.Collections.Generic.IReadOnlyList<" + itemType + ">"
            : "global::System.Collections.Generic.IReadOnlyDictionary<string, " + itemType + ">";
    }

    private static string Item(TypeModel item, string @namespace) => Of(item, @namespace, item.IsNullable);
}
