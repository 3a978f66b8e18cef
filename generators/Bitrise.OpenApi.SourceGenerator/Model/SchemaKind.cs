namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The shape of the C# type that a <see cref="SchemaModel"/> becomes.</summary>
internal enum SchemaKind
{
    /// <summary>A sealed class with one property per schema property.</summary>
    Object,

    /// <summary>A readonly struct that wraps a value of <c>enum</c>, listed or not.</summary>
    Enum,

    /// <summary>A sealed class that contains the raw JSON of <c>oneOf</c> or <c>anyOf</c> and the variant it matched.</summary>
    Union,
}
