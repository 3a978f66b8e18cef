using System;
using System.Net;

namespace Bitrise.CodeSigning;

/// <summary>
/// The exception for a failed transfer through a presigned storage URL: the PUT of an upload or the download of a
/// file. Its message, <see cref="Url"/> and <see cref="CodeSigningApiException.Path"/> never contain the URL's query
/// string, which contains the signature.
/// </summary>
/// <remarks>
/// A failed call of the API itself raises the base type, <see cref="CodeSigningApiException"/>. During an upload this
/// exception is the <see cref="Exception.InnerException"/> of a <see cref="CodeSigningUploadException"/>.
/// <see cref="CodeSigningApiException.ServiceMessage"/> is the <c>Message</c> element of the storage's XML error body
/// (for example <c>Request has expired</c>), or <see langword="null"/>.
/// </remarks>
public class CodeSigningStorageException : CodeSigningApiException
{
    /// <summary>Initializes an exception for a failure that has no HTTP response.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="message">The message, which must not contain a presigned URL's query string.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public CodeSigningStorageException(CodeSigningStorageFailure failure, string message, Exception? innerException = null)
        : base(message, statusCode: null, innerException)
    {
        Failure = failure;
    }

    /// <summary>Initializes an exception for a storage response outside 2xx.</summary>
    /// <param name="method">The HTTP method, for example <c>PUT</c>.</param>
    /// <param name="url">The URL without its query string.</param>
    /// <param name="statusCode">The status of the response.</param>
    /// <param name="errorCode">The <c>Code</c> of the storage's XML error body, or <see langword="null"/>.</param>
    /// <param name="serviceMessage">The <c>Message</c> of the storage's XML error body, or <see langword="null"/>.</param>
    /// <param name="message">The message, which must not contain a presigned URL's query string.</param>
    public CodeSigningStorageException(string method, string url, HttpStatusCode statusCode, string? errorCode, string? serviceMessage, string message)
        : base(message, statusCode, innerException: null)
    {
        Failure = CodeSigningStorageFailure.RequestFailed;
        Method = method;
        Url = url;
        Path = PathOf(url);
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
    }

    /// <summary>Gets what went wrong.</summary>
    public CodeSigningStorageFailure Failure { get; }

    /// <summary>
    /// Gets the scheme, host, port and path of the failed storage request, without the query string, or
    /// <see langword="null"/> when no request failed.
    /// </summary>
    public string? Url { get; }

    /// <summary>
    /// Gets the <c>Code</c> element of the storage's XML error body (for example <c>SignatureDoesNotMatch</c> or
    /// <c>AccessDenied</c>), or <see langword="null"/>.
    /// </summary>
    public string? ErrorCode { get; }

    private static string PathOf(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? -1 : url.IndexOf('/', schemeEnd + 3);
        return pathStart < 0 ? "/" : url[pathStart..];
    }
}
