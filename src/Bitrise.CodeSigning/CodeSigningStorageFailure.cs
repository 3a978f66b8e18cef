namespace Bitrise.CodeSigning;

/// <summary>What went wrong in a <see cref="CodeSigningStorageException"/>.</summary>
public enum CodeSigningStorageFailure
{
    /// <summary>
    /// The storage returned a status outside 2xx to the PUT or the download. The exception's status code, and the
    /// error code and message of the storage's XML error body when there is one, tell why.
    /// </summary>
    RequestFailed,

    /// <summary>
    /// The file has no download URL, which is how the API marks a protected file: a protected file cannot be
    /// downloaded through the API.
    /// </summary>
    NoDownloadUrl,

    /// <summary>The SHA-256 of the downloaded bytes differs from the file's <c>file_sha256</c>, or that value is not a SHA-256.</summary>
    ChecksumMismatch,

    /// <summary>
    /// The upload source yielded more or fewer bytes than its declared length, or a stream that cannot seek had to
    /// be read a second time.
    /// </summary>
    InvalidUploadSource,
}
