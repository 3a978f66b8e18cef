using System;
using System.Net.Http;

namespace Bitrise.CodeSigning;

/// <summary>
/// An upload through <see cref="ICodeSigningFiles"/> failed at one of its stages. <see cref="Exception.InnerException"/>
/// is the cause: a <see cref="CodeSigningApiException"/> of the create, confirm or PATCH, a
/// <see cref="CodeSigningStorageException"/> of the PUT, or the <see cref="HttpRequestException"/> or timeout of a
/// request that got no response.
/// </summary>
/// <remarks>
/// When a stage after <see cref="UploadStage.Create"/> fails, the created entry is deleted before this exception is
/// raised, and <see cref="EntryDeleted"/> states whether that worked. <see cref="HttpRequestException.StatusCode"/>,
/// <see cref="CodeSigningApiException.Method"/>, <see cref="CodeSigningApiException.Path"/> and
/// <see cref="CodeSigningApiException.ServiceMessage"/> are those of the cause, when it has them.
/// </remarks>
public sealed class CodeSigningUploadException : CodeSigningApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, which must not contain a token, a password or a presigned URL's query string.</param>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="kind">The kind of the file.</param>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the created entry, or <see langword="null"/> when the create failed.</param>
    /// <param name="entryDeleted">Whether the created entry was deleted after the failure.</param>
    /// <param name="innerException">The cause.</param>
    public CodeSigningUploadException(string message, UploadStage stage, CodeSigningFileKind kind, string appSlug, string? fileSlug, bool entryDeleted, Exception innerException)
        : base(message, (innerException as HttpRequestException)?.StatusCode, innerException)
    {
        Stage = stage;
        Kind = kind;
        AppSlug = appSlug;
        FileSlug = fileSlug;
        EntryDeleted = entryDeleted;
        if (innerException is CodeSigningApiException cause)
        {
            Method = cause.Method;
            Path = cause.Path;
            ServiceMessage = cause.ServiceMessage;
            ResponseExcerpt = cause.ResponseExcerpt;
        }
    }

    /// <summary>Gets the stage that failed.</summary>
    public UploadStage Stage { get; }

    /// <summary>Gets the kind of the file.</summary>
    public CodeSigningFileKind Kind { get; }

    /// <summary>Gets the slug of the app.</summary>
    public string AppSlug { get; }

    /// <summary>Gets the slug of the created entry, or <see langword="null"/> when the create failed and there is none.</summary>
    public string? FileSlug { get; }

    /// <summary>
    /// Gets whether the created entry was deleted after the failure. <see langword="false"/> when there was no entry
    /// (the create failed) or when the delete failed, in which case the entry is left over: delete it with
    /// <see cref="ICodeSigningFiles.DeleteAsync"/>.
    /// </summary>
    public bool EntryDeleted { get; }
}
