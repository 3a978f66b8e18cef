using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Builds the <see cref="CodeSigningUploadException"/> for a failed stage, with a message that states what to do next.</summary>
internal static class UploadFailures
{
    // The cause's own message is already bounded; this keeps the whole message readable in one log line.
    private const int CauseMessageLength = 700;

    // A shorter start of a password at the end of a cut text is too likely to be ordinary text.
    private const int MinimumCutPasswordLength = 4;

    /// <summary>Creates the exception. The text of <paramref name="password"/> is replaced with <c>[redacted]</c> in the message.</summary>
    public static CodeSigningUploadException Create(
        FileKindOperations operations,
        UploadStage stage,
        string appSlug,
        string fileName,
        string? fileSlug,
        bool entryDeleted,
        Exception cause,
        string? password)
    {
        var message = new StringBuilder()
            .Append($"The upload of {operations.DisplayName} '{fileName}' to app '{appSlug}' failed at stage {stage} ({Describe(stage)})");
        if (fileSlug is not null)
        {
            message.Append(entryDeleted
                ? $", and the created entry '{fileSlug}' was deleted"
                : $", and the created entry '{fileSlug}' could not be deleted: delete it with DeleteAsync");
        }

        var causeText = Shorten(Redact(DescribeCause(cause), password));
        message.Append(". Cause: ").Append(causeText);
        if (!causeText.EndsWith('.'))
        {
            message.Append('.');
        }

        // The storage's own message already asks the caller to start again after an expired URL or a wrong signature.
        if (!causeText.Contains("again", StringComparison.Ordinal))
        {
            message.Append(' ').Append(NextStep(stage, cause));
        }

        return new CodeSigningUploadException(message.ToString(), stage, operations.Kind, appSlug, fileSlug, entryDeleted, cause);
    }

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
        if (!Array.Exists(texts, text => text?.Contains(password, StringComparison.Ordinal) == true))
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

        var innermost = cause.InnerException;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return $"{cause.Message.TrimEnd('.')} ({innermost.Message.TrimEnd('.')}).";
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
        var noResponse = cause is HttpRequestException { StatusCode: null } and not CodeSigningApiException;
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
    /// Replaces <paramref name="password"/> in <paramref name="text"/>: as written, as a JSON string escapes it (a
    /// response excerpt is raw JSON, and encoders differ in the case of their <c>\u</c> escapes), and as a start
    /// of the password at the end of the text, where a length limit may have cut it.
    /// </summary>
    private static string Redact(string text, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return text;
        }

        const string Redacted = "[redacted]";
        var escaped = JsonEncodedText.Encode(password).ToString();
        text = text.Replace(password, Redacted, StringComparison.Ordinal).Replace(escaped, Redacted, StringComparison.OrdinalIgnoreCase);

        // A cut text ends with an ellipsis after the part that was kept.
        var ellipsis = text.EndsWith('\u2026') ? "\u2026" : string.Empty;
        var kept = text[..^ellipsis.Length];
        foreach (var form in new[] { password, escaped })
        {
            for (var length = Math.Min(form.Length - 1, kept.Length); length >= MinimumCutPasswordLength; length--)
            {
                if (kept.EndsWith(form[..length], StringComparison.OrdinalIgnoreCase))
                {
                    return kept[..^length] + Redacted + ellipsis;
                }
            }
        }

        return text;
    }

    private static string Shorten(string text)
        => text.Length <= CauseMessageLength ? text : text[..(CauseMessageLength - 1)] + "\u2026";
}
