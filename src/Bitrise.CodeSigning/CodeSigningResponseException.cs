using System;

namespace Bitrise.CodeSigning;

/// <summary>
/// A request of the API or of a presigned storage URL got no usable response: none arrived, a time limit passed, the
/// body broke off, or a 2xx body lacks a field the operation needs. <see cref="System.Net.Http.HttpRequestException.StatusCode"/>
/// is always <see langword="null"/>.
/// </summary>
/// <remarks>
/// The message names the method, the host and the path, never a header or a query string. For
/// <see cref="CodeSigningResponseFailure.NoResponse"/>, <see cref="CodeSigningResponseFailure.TimedOut"/> and
/// <see cref="CodeSigningResponseFailure.BodyInterrupted"/> the server may have carried out the request, so a POST may
/// have created an entry; <see cref="Exception.InnerException"/> is the transport's own exception.
/// </remarks>
public sealed class CodeSigningResponseException : CodeSigningApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="message">The message, which must not contain a token, a password or a presigned URL's query string.</param>
    /// <param name="method">The HTTP method, or <see langword="null"/> when the failure belongs to no single request.</param>
    /// <param name="path">The request path without the query string, or <see langword="null"/>.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public CodeSigningResponseException(CodeSigningResponseFailure failure, string message, string? method, string? path, Exception? innerException = null)
        : base(message, statusCode: null, innerException)
    {
        Failure = failure;
        Method = method;
        Path = path;
    }

    /// <summary>Gets what went wrong.</summary>
    public CodeSigningResponseFailure Failure { get; }
}
