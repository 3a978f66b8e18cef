using System;
using System.Net;
using System.Net.Http;
using System.Text;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Builds the <see cref="CodeSigningUploadException"/> for a failed stage, with a message that states what to do next.</summary>
internal static class UploadFailures
{
    // The cause's own message is already bounded; this keeps the whole message readable in one log line.
    private const int CauseMessageLength = 700;

    /// <summary>Creates the exception. The text of <paramref name="secrets"/> is replaced with <c>[redacted]</c> in the message.</summary>
    public static CodeSigningUploadException Create(
        FileKindOperations operations,
        UploadStage stage,
        string appSlug,
        string fileName,
        string? fileSlug,
        bool entryDeleted,
        Exception cause,
        params string?[] secrets)
    {
        var message = new StringBuilder()
            .Append($"The upload of {operations.DisplayName} '{fileName}' to app '{appSlug}' failed at the {Describe(stage)} stage");
        if (fileSlug is not null)
        {
            message.Append(entryDeleted
                ? $", and the created entry '{fileSlug}' was deleted"
                : $", and the created entry '{fileSlug}' could not be deleted: delete it with DeleteAsync");
        }

        message.Append(". Cause: ").Append(Shorten(Redact(cause.Message, secrets))).Append(' ').Append(NextStep(stage, cause));
        return new CodeSigningUploadException(message.ToString().TrimEnd(), stage, operations.Kind, appSlug, fileSlug, entryDeleted, cause);
    }

    private static string Describe(UploadStage stage) => stage switch
    {
        UploadStage.Create => "create",
        UploadStage.Put => "PUT to the presigned upload URL",
        UploadStage.Confirm => "confirm",
        UploadStage.SetPassword => "certificate password PATCH",
        _ => stage.ToString(),
    };

    private static string NextStep(UploadStage stage, Exception cause)
    {
        var status = (cause as HttpRequestException)?.StatusCode;
        if (stage == UploadStage.Create)
        {
            return status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "Check the access token and its access to the app, then upload again.",
                HttpStatusCode.NotFound => "Check the app slug, then upload again.",
                HttpStatusCode.BadRequest => "Check the file name and size, then upload again.",
                _ => "Upload again.",
            };
        }

        if (cause is CodeSigningStorageException { Failure: CodeSigningStorageFailure.InvalidUploadSource })
        {
            return "Fix the upload source, then upload again.";
        }

        if (stage == UploadStage.SetPassword && status == HttpStatusCode.BadRequest)
        {
            return "Check that the password opens the .p12, then upload again.";
        }

        return "Start the upload again from the create.";
    }

    private static string Redact(string text, string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string Shorten(string text)
        => text.Length <= CauseMessageLength ? text : text[..(CauseMessageLength - 1)] + "\u2026";
}
