namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>How the client writes or reads a body, decided by its media type.</summary>
internal enum BodyKind
{
    /// <summary><c>application/json</c> and other JSON media types, through the JSON contracts.</summary>
    Json,

    /// <summary><c>text/*</c> and XML media types, as a <c>string</c>.</summary>
    Text,

    /// <summary>Any other media type, such as <c>application/octet-stream</c> or <c>image/png</c>, as a <c>Stream</c>.</summary>
    Binary,

    /// <summary><c>application/x-www-form-urlencoded</c>, whose fields are method parameters.</summary>
    FormUrlEncoded,

    /// <summary><c>multipart/form-data</c>, whose fields are method parameters and whose binary fields are streams.</summary>
    Multipart,
}
