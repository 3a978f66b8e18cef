using System.Collections.Generic;

namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>An operation of <see cref="ICodeSigningFiles"/>, named for the request of it that gets the fault.</summary>
public enum FaultOperation
{
    /// <summary>An upload whose create (POST, never retried) gets the fault.</summary>
    UploadCreate,

    /// <summary>An upload whose PUT to the presigned URL (retried, the source is seekable) gets the fault.</summary>
    UploadPut,

    /// <summary>An upload whose confirm (POST, never retried) gets the fault.</summary>
    UploadConfirm,

    /// <summary>An update whose PATCH (never retried) gets the fault.</summary>
    Update,

    /// <summary>A download whose show (GET) gets the fault.</summary>
    DownloadShow,

    /// <summary>A download whose GET of the presigned URL gets the fault.</summary>
    DownloadGet,

    /// <summary>A listing whose page request (GET) gets the fault.</summary>
    List,

    /// <summary>A delete (DELETE) that gets the fault.</summary>
    Delete,
}

/// <summary>
/// The fault matrix: each operation under each fault that applies to it, with the one outcome expected. An outcome is
/// "success" or the type of the exception with its status or failure, and an upload's starts with the failed stage.
/// " after retry" follows when the faulted request was sent twice. The JSON faults do not apply to the storage
/// requests, whose bodies are bytes or XML.
/// </summary>
internal static class FaultMatrix
{
    private const string Success = "success";
    private const string SuccessAfterRetry = "success after retry";
    private const string TimedOut = "CodeSigningResponseException TimedOut";
    private const string BodyInterrupted = "CodeSigningResponseException BodyInterrupted";
    private const string InvalidResponse = "CodeSigningResponseException InvalidResponse";

    public static readonly IReadOnlyList<(FaultOperation Operation, Fault Fault, string Expected)> Rows =
    [
        .. NotRetried(FaultOperation.UploadCreate, "upload fails at Create: ", createdStatus: 201),
        (FaultOperation.UploadCreate, Fault.MissingSlug, $"upload fails at Create: {InvalidResponse}"),

        .. RetriedStatuses(FaultOperation.UploadPut),
        (FaultOperation.UploadPut, Fault.ResetMidBody, Success),
        (FaultOperation.UploadPut, Fault.StalledBody, Success),
        (FaultOperation.UploadPut, Fault.HtmlErrorPage, "upload fails at Put: CodeSigningStorageException RequestFailed 403"),
        (FaultOperation.UploadPut, Fault.Empty200, Success),
        (FaultOperation.UploadPut, Fault.WrongContentType, Success),

        .. NotRetried(FaultOperation.UploadConfirm, "upload fails at Confirm: ", createdStatus: 200),

        .. NotRetried(FaultOperation.Update, string.Empty, createdStatus: 200),

        .. RetriedStatuses(FaultOperation.DownloadShow),
        .. RetriedBodyBreaks(FaultOperation.DownloadShow),
        .. JsonBodyFaults(FaultOperation.DownloadShow, string.Empty, status: 200),
        (FaultOperation.DownloadShow, Fault.MissingField, "CodeSigningStorageException NoDownloadUrl"),

        .. RetriedStatuses(FaultOperation.DownloadGet),
        (FaultOperation.DownloadGet, Fault.ResetMidBody, BodyInterrupted),
        (FaultOperation.DownloadGet, Fault.StalledBody, TimedOut),
        (FaultOperation.DownloadGet, Fault.HtmlErrorPage, "CodeSigningStorageException RequestFailed 403"),
        (FaultOperation.DownloadGet, Fault.Empty200, "CodeSigningStorageException ChecksumMismatch"),
        (FaultOperation.DownloadGet, Fault.WrongContentType, Success),

        .. RetriedStatuses(FaultOperation.List),
        .. RetriedBodyBreaks(FaultOperation.List),
        .. JsonBodyFaults(FaultOperation.List, string.Empty, status: 200),
        (FaultOperation.List, Fault.MissingField, InvalidResponse),

        (FaultOperation.Delete, Fault.TooManyRequests, SuccessAfterRetry),
        (FaultOperation.Delete, Fault.Status500, SuccessAfterRetry),
        (FaultOperation.Delete, Fault.Status502, SuccessAfterRetry),
        (FaultOperation.Delete, Fault.Status503, SuccessAfterRetry),
        (FaultOperation.Delete, Fault.Status504, SuccessAfterRetry),

        // The first DELETE was carried out before its response timed out, so the retry finds no file.
        (FaultOperation.Delete, Fault.Timeout, "CodeSigningApiException 404 after retry"),
        (FaultOperation.Delete, Fault.ResetMidBody, BodyInterrupted),
        (FaultOperation.Delete, Fault.StalledBody, TimedOut),

        // The 2xx status shows that the file was deleted, so a body the client cannot read does not matter.
        (FaultOperation.Delete, Fault.TruncatedJson, Success),
        (FaultOperation.Delete, Fault.InvalidJson, Success),
        (FaultOperation.Delete, Fault.HtmlErrorPage, "CodeSigningApiException 403"),
        (FaultOperation.Delete, Fault.Empty200, Success),
        (FaultOperation.Delete, Fault.WrongContentType, Success),
        (FaultOperation.Delete, Fault.UnknownFields, Success),
        (FaultOperation.Delete, Fault.MissingField, Success),
    ];

    public static TheoryData<FaultOperation, Fault, string> Data
    {
        get
        {
            var data = new TheoryData<FaultOperation, Fault, string>();
            foreach (var (operation, fault, expected) in Rows)
            {
                data.Add(operation, fault, expected);
            }

            return data;
        }
    }

    /// <summary>The rows of a request that is never retried: every fault ends in an exception but the harmless ones.</summary>
    private static IEnumerable<(FaultOperation, Fault, string)> NotRetried(FaultOperation operation, string prefix, int createdStatus)
    {
        yield return (operation, Fault.TooManyRequests, $"{prefix}CodeSigningApiException 429");
        yield return (operation, Fault.Status500, $"{prefix}CodeSigningApiException 500");
        yield return (operation, Fault.Status502, $"{prefix}CodeSigningApiException 502");
        yield return (operation, Fault.Status503, $"{prefix}CodeSigningApiException 503");
        yield return (operation, Fault.Status504, $"{prefix}CodeSigningApiException 504");
        yield return (operation, Fault.Timeout, $"{prefix}{TimedOut}");
        yield return (operation, Fault.ResetMidBody, $"{prefix}{BodyInterrupted}");
        yield return (operation, Fault.StalledBody, $"{prefix}{TimedOut}");
        foreach (var row in JsonBodyFaults(operation, prefix, createdStatus))
        {
            yield return row;
        }

        yield return (operation, Fault.MissingField, $"{prefix}{InvalidResponse}");
    }

    /// <summary>The rows of the faults in a JSON response body that arrives whole.</summary>
    private static IEnumerable<(FaultOperation, Fault, string)> JsonBodyFaults(FaultOperation operation, string prefix, int status)
    {
        yield return (operation, Fault.TruncatedJson, $"{prefix}CodeSigningApiException {status}");
        yield return (operation, Fault.InvalidJson, $"{prefix}CodeSigningApiException {status}");
        yield return (operation, Fault.HtmlErrorPage, $"{prefix}CodeSigningApiException 403");
        yield return (operation, Fault.Empty200, $"{prefix}CodeSigningApiException 200");
        yield return (operation, Fault.WrongContentType, Success);
        yield return (operation, Fault.UnknownFields, Success);
    }

    /// <summary>
    /// The rows of a GET whose JSON body breaks off or stalls: the client reads the body inside the attempt, so the GET
    /// is sent again and succeeds.
    /// </summary>
    private static IEnumerable<(FaultOperation, Fault, string)> RetriedBodyBreaks(FaultOperation operation)
    {
        yield return (operation, Fault.ResetMidBody, SuccessAfterRetry);
        yield return (operation, Fault.StalledBody, SuccessAfterRetry);
    }

    /// <summary>The rows of a retried request under the transient faults: each succeeds on the second attempt.</summary>
    private static IEnumerable<(FaultOperation, Fault, string)> RetriedStatuses(FaultOperation operation)
    {
        foreach (var fault in new[] { Fault.TooManyRequests, Fault.Status500, Fault.Status502, Fault.Status503, Fault.Status504, Fault.Timeout })
        {
            yield return (operation, fault, SuccessAfterRetry);
        }
    }
}
