namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The kinds of C# types that schemas map to.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    DateTimeOffset,

    /// <summary>An untyped value: <c>global::System.Text.Json.JsonElement</c>.</summary>
    Json,

    /// <summary>A generated class.</summary>
    Model,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> of the item type.</summary>
    Array,
}
