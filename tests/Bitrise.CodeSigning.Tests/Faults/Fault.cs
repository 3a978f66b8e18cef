namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>A fault that <see cref="FakeCodeSigningService"/> injects into the first response of one route.</summary>
public enum Fault
{
    /// <summary>429 with <c>Retry-After: 1</c>; the request is not carried out.</summary>
    TooManyRequests,

    /// <summary>500; the request is not carried out.</summary>
    Status500,

    /// <summary>502; the request is not carried out.</summary>
    Status502,

    /// <summary>503 with <c>Retry-After: 1</c>; the request is not carried out.</summary>
    Status503,

    /// <summary>504; the request is not carried out.</summary>
    Status504,

    /// <summary>The request is carried out, but the response headers come after the client's attempt timeout.</summary>
    Timeout,

    /// <summary>The request is carried out; the connection is reset after half of the response body.</summary>
    ResetMidBody,

    /// <summary>The request is carried out; the server stops sending after half of the response body.</summary>
    StalledBody,

    /// <summary>The request is carried out; the JSON body is cut in half, with a matching Content-Length.</summary>
    TruncatedJson,

    /// <summary>The request is carried out; the body is not JSON.</summary>
    InvalidJson,

    /// <summary>403 with a proxy's HTML page; the request is not carried out.</summary>
    HtmlErrorPage,

    /// <summary>The request is carried out; the response is 200 with an empty body.</summary>
    Empty200,

    /// <summary>The request is carried out; the body is right but its Content-Type is <c>text/plain</c>.</summary>
    WrongContentType,

    /// <summary>The request is carried out; every JSON object of the body has fields the document does not know.</summary>
    UnknownFields,

    /// <summary>
    /// The request is carried out; the body lacks the field the client needs: <c>upload_url</c> of a create,
    /// <c>download_url</c> of a show, <c>data</c> of the others.
    /// </summary>
    MissingField,

    /// <summary>The request is carried out; the create's <c>data</c> lacks <c>slug</c>.</summary>
    MissingSlug,

    /// <summary>403 <c>AccessDenied</c> "Request has expired", as S3 returns for a presigned URL after its expiry; nothing is stored.</summary>
    ExpiredUrl,
}
