using System;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Emulator;

/// <summary>
/// The emulator's log messages. They name methods, paths and slugs, never a token, a password or the query string
/// of a presigned URL.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Bitrise emulator started: API at {ApiBaseAddress}, storage at {StorageBaseAddress}")]
    public static partial void EmulatorStarted(ILogger logger, Uri apiBaseAddress, Uri storageBaseAddress);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Bitrise emulator stopped: API at {ApiBaseAddress}")]
    public static partial void EmulatorStopped(ILogger logger, Uri apiBaseAddress);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "API request {Method} {Path} rejected with {StatusCode}: {Message}")]
    public static partial void ApiRequestRejected(ILogger logger, string method, string path, int statusCode, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    public static partial void ApiRequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Storage request {Method} {Path} rejected with {StatusCode} {Code}: {Message}")]
    public static partial void StorageRequestRejected(ILogger logger, string method, string path, int statusCode, string code, string message);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Stored {Length} bytes for {Kind} {FileSlug} of app {AppSlug}")]
    public static partial void UploadStored(ILogger logger, long length, string kind, string fileSlug, string appSlug);
}
