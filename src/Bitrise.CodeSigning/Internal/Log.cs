using System;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The log messages of the library. They name the app and file slugs, and for storage requests only the host and
/// path: never an access token, a password or a presigned URL's query string.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Creating {Kind} '{FileName}' ({Length} bytes) in app '{AppSlug}'.")]
    public static partial void UploadCreating(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileName, long length);

    [LoggerMessage(2, LogLevel.Debug, "Sending the {Length} bytes of {Kind} '{FileSlug}' of app '{AppSlug}' to storage host {StorageHost}, path {StoragePath}.")]
    public static partial void UploadSending(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, long length, string storageHost, string storagePath);

    [LoggerMessage(3, LogLevel.Debug, "Confirming the upload of {Kind} '{FileSlug}' of app '{AppSlug}'.")]
    public static partial void UploadConfirming(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(4, LogLevel.Information, "Uploaded {Kind} '{FileSlug}' of app '{AppSlug}' in {ElapsedMilliseconds} ms.")]
    public static partial void UploadCompleted(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, double elapsedMilliseconds);

    [LoggerMessage(6, LogLevel.Information, "Downloading {Kind} '{FileSlug}' of app '{AppSlug}' from storage host {StorageHost}, path {StoragePath}.")]
    public static partial void DownloadStarting(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, string storageHost, string storagePath);

    [LoggerMessage(7, LogLevel.Information, "Downloaded {Length} bytes of {Kind} '{FileSlug}' of app '{AppSlug}' in {ElapsedMilliseconds} ms.")]
    public static partial void DownloadCompleted(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, long length, double elapsedMilliseconds);

    [LoggerMessage(8, LogLevel.Warning, "The SHA-256 of the downloaded {Kind} '{FileSlug}' of app '{AppSlug}' is {ActualSha256}, but the API's file_sha256 is {ExpectedSha256}.")]
    public static partial void DownloadChecksumMismatch(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, string actualSha256, string expectedSha256);

    [LoggerMessage(9, LogLevel.Warning, "Storage request {Method} to host {StorageHost}, path {StoragePath} failed with {StatusCode} (error code {ErrorCode}).")]
    public static partial void StorageRequestFailed(ILogger logger, string method, string storageHost, string storagePath, int statusCode, string? errorCode);

    [LoggerMessage(11, LogLevel.Debug, "Received a page of {Count} {Kind} items of app '{AppSlug}'; another page follows: {HasNext}.")]
    public static partial void ListPageReceived(ILogger logger, CodeSigningFileKind kind, string appSlug, int count, bool hasNext);

    [LoggerMessage(12, LogLevel.Information, "Deleted {Kind} '{FileSlug}' of app '{AppSlug}'.")]
    public static partial void FileDeleted(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(13, LogLevel.Warning, "Not sending the access token with {Method} to host {Host}, path {Path}: the host differs from the API's base address.")]
    public static partial void AccessTokenWithheld(ILogger logger, string method, string host, string path);

    [LoggerMessage(14, LogLevel.Debug, "Setting the certificate password of {Kind} '{FileSlug}' of app '{AppSlug}'.")]
    public static partial void UploadSettingPassword(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(15, LogLevel.Debug, "The upload of {Kind} to app '{AppSlug}' failed at stage {Stage} (entry '{FileSlug}', canceled by the caller: {Canceled}).")]
    public static partial void UploadStageFailed(ILogger logger, Exception exception, CodeSigningFileKind kind, string appSlug, string? fileSlug, UploadStage stage, bool canceled);

    [LoggerMessage(16, LogLevel.Information, "Deleted {Kind} '{FileSlug}' of app '{AppSlug}', created by an upload that failed at stage {Stage}.")]
    public static partial void UploadEntryDeleted(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, UploadStage stage);

    [LoggerMessage(17, LogLevel.Error, "Could not delete {Kind} '{FileSlug}' of app '{AppSlug}', created by an upload that failed at stage {Stage}. The entry is left over: delete it by hand.")]
    public static partial void UploadEntryNotDeleted(ILogger logger, Exception exception, CodeSigningFileKind kind, string appSlug, string fileSlug, UploadStage stage);

    [LoggerMessage(18, LogLevel.Information, "Not sending the PATCH of {Kind} '{FileSlug}' of app '{AppSlug}': it breaks {Count} rule(s) of the API.")]
    public static partial void UpdateRejectedBeforeSending(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug, int count);

    [LoggerMessage(19, LogLevel.Warning, "The API rejected the PATCH of {Kind} '{FileSlug}' of app '{AppSlug}' for a rule; the state had changed since it was read.")]
    public static partial void UpdateRejectedByService(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(20, LogLevel.Information, "Updated {Kind} '{FileSlug}' of app '{AppSlug}'.")]
    public static partial void FileUpdated(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(21, LogLevel.Warning, "Could not read the state of {Kind} '{FileSlug}' of app '{AppSlug}' after the API rejected its PATCH.")]
    public static partial void UpdateStateNotRead(ILogger logger, Exception exception, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(22, LogLevel.Warning, "{Method} to host {Host}, path {Path} got no usable response ({Failure}).")]
    public static partial void RequestGotNoResponse(ILogger logger, Exception exception, string method, string host, string path, CodeSigningResponseFailure failure);

    [LoggerMessage(23, LogLevel.Warning, "The body of the {StatusCode} response to {Method} to host {Host}, path {Path} failed ({Failure}).")]
    public static partial void ResponseBodyFailed(ILogger logger, Exception exception, string method, string host, string path, int statusCode, CodeSigningResponseFailure failure);

    [LoggerMessage(24, LogLevel.Warning, "Retrying {Method} to host {Host}, path {Path} in {DelayMilliseconds} ms (retry {Retry}) after {Outcome}.")]
    public static partial void RequestRetrying(ILogger logger, string method, string host, string path, double delayMilliseconds, int retry, string outcome);

    [LoggerMessage(25, LogLevel.Warning, "The presigned upload URL of {Kind} '{FileSlug}' of app '{AppSlug}' expired; the entry was deleted and the upload starts again from the create.")]
    public static partial void UploadRestarting(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileSlug);

    [LoggerMessage(26, LogLevel.Warning, "The create of {Kind} '{FileName}' in app '{AppSlug}' may have reached the API; looking for the entry it may have made.")]
    public static partial void UploadSearchingLostEntry(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileName);

    [LoggerMessage(27, LogLevel.Information, "Found no unprocessed {Kind} '{FileName}' in app '{AppSlug}' after the failed create, so the create made no entry.")]
    public static partial void UploadLostEntryNotFound(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileName);

    [LoggerMessage(28, LogLevel.Error, "Found {Count} new unprocessed {Kind} entries named '{FileName}' in app '{AppSlug}' after the failed create ({FileSlugs}), so the one it made is unknown and none was deleted. Delete the stale ones by hand.")]
    public static partial void UploadLostEntryAmbiguous(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileName, int count, string fileSlugs);

    [LoggerMessage(29, LogLevel.Error, "Could not look for the entry that the failed create of {Kind} '{FileName}' in app '{AppSlug}' may have made. Check the app for an unprocessed entry of that name and delete it.")]
    public static partial void UploadLostEntrySearchFailed(ILogger logger, Exception exception, CodeSigningFileKind kind, string appSlug, string fileName);

    [LoggerMessage(30, LogLevel.Warning, "Could not list the unprocessed {Kind} entries named '{FileName}' in app '{AppSlug}' before the create. The upload goes on, but if the create's response is lost, no entry will be deleted.")]
    public static partial void UploadEntriesBeforeCreateNotListed(ILogger logger, Exception exception, CodeSigningFileKind kind, string appSlug, string fileName);

    [LoggerMessage(31, LogLevel.Error, "Found {Count} unprocessed {Kind} entries named '{FileName}' in app '{AppSlug}' after the failed create ({FileSlugs}), but the list before the create failed, so the one it made is unknown and none was deleted. Delete the stale ones by hand.")]
    public static partial void UploadLostEntryUnverified(ILogger logger, CodeSigningFileKind kind, string appSlug, string fileName, int count, string fileSlugs);
}
