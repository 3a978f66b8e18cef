using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Polly;
using Polly.Timeout;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Builds the <see cref="CodeSigningUploadException"/> for a failed stage, with a message that states what to do next.</summary>
internal static class UploadFailures
{
    // The cause's own message is already bounded; this keeps the whole message readable in one log line.
    private const int CauseMessageLength = 700;

    /// <summary>Creates the exception. The text of <paramref name="password"/> is replaced with <c>[redacted]</c> in the message.</summary>
    public static CodeSigningUploadException Create(
        FileKindOperations operations,
        UploadStage stage,
        string appSlug,
        string fileName,
        UploadOutcome outcome,
        Exception cause,
        string? password)
    {
        var (fileSlug, entryDeleted, lostEntry, restarted) = outcome;
        var message = new StringBuilder()
            .Append($"The upload of {operations.DisplayName} '{fileName}' to app '{appSlug}' failed at stage {stage} ({Describe(stage)})");
        if (fileSlug is not null)
        {
            var made = lostEntry == LostEntrySearch.Found ? "the entry that the create made although its response was lost" : "the created entry";
            message.Append(entryDeleted
                ? $", and {made} '{fileSlug}' was deleted"
                : $", and {made} '{fileSlug}' could not be deleted: delete it with DeleteAsync");
        }

        var causeText = Shorten(Redact(DescribeCause(cause), password));
        message.Append(". Cause: ").Append(causeText);
        if (!causeText.EndsWith('.'))
        {
            message.Append('.');
        }

        var lostEntryText = DescribeLostEntry(operations, fileName, lostEntry);
        if (lostEntryText is not null)
        {
            message.Append(' ').Append(lostEntryText);
        }

        if (restarted && IsExpiredUploadUrl(cause))
        {
            message.Append(" The upload had already started again once after an expired URL, so it gave up. Check that the clock of this machine is right and that nothing delays the PUT after the create, then upload again.");
        }
        else if (cause is not CodeSigningStorageException || !causeText.Contains("again", StringComparison.Ordinal))
        {
            // The storage's error message already asks the caller to start again after an expired URL or a wrong signature.
            message.Append(' ').Append(NextStep(stage, cause));
        }

        return new CodeSigningUploadException(message.ToString(), stage, operations.Kind, appSlug, fileSlug, entryDeleted, cause);
    }

    /// <summary>Gets whether an upload failed because the storage found its presigned upload URL expired.</summary>
    public static bool IsExpiredUploadUrl(Exception exception)
    {
        var cause = exception is CodeSigningUploadException { Stage: UploadStage.Put } upload ? upload.InnerException : exception;
        return cause is CodeSigningStorageException { StatusCode: HttpStatusCode.Forbidden } storage && StorageErrors.IsExpired(storage.ErrorCode, storage.ServiceMessage);
    }

    /// <summary>
    /// Gets whether a create that failed with <paramref name="exception"/> may still have made an entry: its request
    /// may have reached the API, but no usable response came back. A refused connection, a failed name lookup or TLS
    /// handshake, an open circuit, 503 and 429 show that it did not. A 4xx shows that the API rejected it.
    /// </summary>
    public static bool MayHaveCreated(Exception exception) => exception switch
    {
        CodeSigningResponseException { Failure: CodeSigningResponseFailure.NoResponse } response => !ProvesNotSent(response.InnerException),
        CodeSigningResponseException => true,
        CodeSigningApiException { StatusCode: { } status } => (int)status is >= 200 and < 300 || ((int)status >= 500 && status != HttpStatusCode.ServiceUnavailable),
        _ => false,
    };

    private static bool ProvesNotSent(Exception? transportException)
    {
        if (transportException is ExecutionRejectedException and not TimeoutRejectedException)
        {
            return true;
        }

        if (transportException is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            return true;
        }

        for (var current = transportException; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    private static string? DescribeLostEntry(FileKindOperations operations, string fileName, LostEntrySearch lostEntry) => lostEntry switch
    {
        LostEntrySearch.Ambiguous =>
            $"The create may have made an entry, but several unprocessed {operations.DisplayName}s named '{fileName}' of this size appeared while it ran, so none was deleted. Another upload of the same file may be running; delete the stale ones with DeleteAsync.",
        LostEntrySearch.Unverified =>
            $"The create may have made an entry, and the app has unprocessed {operations.DisplayName}s named '{fileName}' of this size, but the list before the create failed, so none was deleted: another upload may own them. Delete the stale ones with DeleteAsync.",
        LostEntrySearch.Failed =>
            $"The create may have made an entry, but the search for it failed: list the app's {operations.DisplayName}s and delete an unprocessed one named '{fileName}' with DeleteAsync.",
        _ => null,
    };

    /// <summary>
    /// Returns <paramref name="cause"/>, or when it is an API exception whose text contains <paramref name="password"/>
    /// (a service may echo the rejected value), a copy with the password replaced by <c>[redacted]</c>. The copy has no
    /// stack trace and no inner exception, so nothing logged or raised afterwards contains the password.
    /// </summary>
    public static Exception WithoutPassword(Exception cause, string? password)
    {
        if (string.IsNullOrEmpty(password) || cause.GetType() != typeof(CodeSigningApiException))
        {
            return cause;
        }

        var api = (CodeSigningApiException)cause;
        var texts = new[] { api.Message, api.ServiceMessage, api.ResponseExcerpt };
        if (!Array.Exists(texts, text => text is not null && Redact(text, password) != text))
        {
            return cause;
        }

        return new CodeSigningApiException(
            Redact(api.Message, password),
            api.Method ?? string.Empty,
            api.Path ?? string.Empty,
            api.StatusCode ?? default,
            api.ServiceMessage is null ? null : Redact(api.ServiceMessage, password),
            api.ResponseExcerpt is null ? null : Redact(api.ResponseExcerpt, password));
    }

    /// <summary>
    /// Returns the cause's message, followed by the innermost message for a request that got no response. The message
    /// of such an <see cref="HttpRequestException"/> is only "An error occurred while sending the request", and the
    /// innermost one names the socket error.
    /// </summary>
    private static string DescribeCause(Exception cause)
    {
        if (cause is not HttpRequestException { StatusCode: null, InnerException: not null } || cause is CodeSigningApiException)
        {
            return cause.Message;
        }

        return $"{cause.Message.TrimEnd('.')} ({TransportErrors.Describe(cause)}).";
    }

    private static string Describe(UploadStage stage) => stage switch
    {
        UploadStage.Create => "the create of the entry",
        UploadStage.Put => "the PUT of the bytes to the presigned upload URL",
        UploadStage.Confirm => "the confirm of the upload",
        UploadStage.SetPassword => "the PATCH of the certificate password",
        _ => stage.ToString(),
    };

    private static string NextStep(UploadStage stage, Exception cause)
    {
        var noResponse = cause is CodeSigningResponseException { Failure: not CodeSigningResponseFailure.InvalidResponse }
            || cause is HttpRequestException { StatusCode: null } and not CodeSigningApiException;
        var status = (cause as HttpRequestException)?.StatusCode;
        if (cause is CodeSigningStorageException { Failure: CodeSigningStorageFailure.InvalidUploadSource })
        {
            return "Fix the upload source, then upload again.";
        }

        if (stage == UploadStage.Create)
        {
            return status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "Check the access token and its access to the app, then upload again.",
                HttpStatusCode.NotFound => "Check the app slug, then upload again.",
                HttpStatusCode.BadRequest => "Check the file name and size, then upload again.",
                _ when noResponse => "Check the network connection to the API, then upload again.",
                _ => "Upload again later.",
            };
        }

        if (stage == UploadStage.Put && noResponse)
        {
            return "Check the network connection to the storage host, then start the upload again.";
        }

        if (stage == UploadStage.SetPassword && status == HttpStatusCode.BadRequest)
        {
            return "Check that the password opens the .p12, then upload again.";
        }

        return "Start the upload again.";
    }

    /// <summary>
    /// Replaces <paramref name="password"/> in <paramref name="text"/>: as written, in every form that a JSON string
    /// can encode it in (a response excerpt is raw JSON), and as a start of the password at the end of the text, where
    /// a length limit may have cut it.
    /// </summary>
    private static string Redact(string text, string? password)
        => string.IsNullOrEmpty(password) ? text : OpenApiJson.RedactSecrets(text, [password], cut: true);

    private static string Shorten(string text)
        => text.Length <= CauseMessageLength ? text : text[..(CauseMessageLength - 1)] + "\u2026";
}
