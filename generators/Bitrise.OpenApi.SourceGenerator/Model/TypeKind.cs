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

    /// <summary>
    /// <c>format: date</c>: <c>global::System.DateOnly</c> written as <c>yyyy-MM-dd</c>. The emitter turns it into
    /// <see cref="String"/> when the consumer's compilation has no <c>System.DateOnly</c>.
    /// </summary>
    Date,

    /// <summary><c>format: uuid</c>: <c>global::System.Guid</c>.</summary>
    Guid,

    /// <summary><c>format: byte</c>: a <c>byte[]</c> written as base64 text.</summary>
    Bytes,

    /// <summary>An untyped value: <c>global::System.Text.Json.JsonElement</c>.</summary>
    Json,

    /// <summary>A generated class.</summary>
    Model,

    /// <summary>A generated open enum: a struct that wraps a string or an integer.</summary>
    Enum,

    /// <summary>A generated class for <c>oneOf</c> or <c>anyOf</c> that contains one of its variants.</summary>
    Union,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> of the item type.</summary>
    Array,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> with the item type as the value type.</summary>
    Map,
}
