namespace Bitrise.CodeSigning;

/// <summary>What went wrong in a <see cref="CodeSigningResponseException"/>.</summary>
public enum CodeSigningResponseFailure
{
    /// <summary>
    /// No response arrived: the connection was refused or reset before the response headers, the host name did not
    /// resolve, or the circuit breaker of the resilience pipeline rejected the request without sending it.
    /// </summary>
    NoResponse,

    /// <summary>
    /// A time limit passed: the attempt or total timeout of the resilience pipeline before the response headers, or
    /// the read timeout (<see cref="BitriseCodeSigningOptions.ResponseReadTimeout"/>) while the body sent no data.
    /// </summary>
    TimedOut,

    /// <summary>The connection broke while the response body was being read, so the body is incomplete.</summary>
    BodyInterrupted,

    /// <summary>
    /// A response with a 2xx status cannot be used: it lacks a field the operation needs (<c>data</c>, <c>slug</c>,
    /// <c>upload_url</c>), a list page repeats a <c>paging.next</c> cursor of an earlier page, or the JSON body of a
    /// GET of the API is longer than 4 MiB.
    /// </summary>
    InvalidResponse,
}
