using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Bitrise.CodeSigning.Emulator.Storage;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>
/// The mutable state of one code-signing file. Only <see cref="FileStore"/> touches it, and only under its lock.
/// Other code gets a <see cref="FileSnapshot"/>.
/// </summary>
internal sealed class StoredFile
{
    public StoredFile(FileKind kind, string appSlug, string slug, FileCreateRequest request)
    {
        Kind = kind;
        AppSlug = appSlug;
        Slug = slug;
        UploadFileName = request.UploadFileName;
        UploadFileSize = request.UploadFileSize;
        UserEnvKey = request.UserEnvKey;
        Alias = request.Alias;
        Password = request.Password;
        PrivateKeyPassword = request.PrivateKeyPassword;
        KeystoreFileName = request.KeystoreFileName;
    }

    public FileKind Kind { get; }

    public string AppSlug { get; }

    public string Slug { get; }

    public string UploadFileName { get; }

    public long UploadFileSize { get; }

    public bool IsExpose { get; set; } = true;

    public bool IsProtected { get; set; }

    public bool Processed { get; set; }

    /// <summary>Whether the file was deleted. Deleted files stay in the list as anchors for a <c>next</c> slug.</summary>
    public bool IsDeleted { get; set; }

    public string CertificatePassword { get; set; } = "";

    public string? UserEnvKey { get; set; }

    public JsonObject? ExposedMetaDatastore { get; set; }

    public string? Alias { get; }

    public string? Password { get; }

    public string? PrivateKeyPassword { get; }

    public string? KeystoreFileName { get; }

    /// <summary>The bytes last PUT to the upload URL, or <see langword="null"/> before the first upload.</summary>
    public BlobEntry? Blob { get; set; }

    public IReadOnlyList<CertificateSummary> Certificates { get; set; } = [];

    public string? CertificateSha256Fingerprint { get; set; }

    public FileSnapshot ToSnapshot() => new(
        Kind,
        AppSlug,
        Slug,
        UploadFileName,
        UploadFileSize,
        IsExpose,
        IsProtected,
        Processed,
        CertificatePassword,
        UserEnvKey,
        ExposedMetaDatastore?.DeepClone().AsObject(),
        Processed ? Blob?.Sha256 : null,
        Certificates,
        CertificateSha256Fingerprint,
        Blob is not null);
}

/// <summary>An immutable copy of a <see cref="StoredFile"/>, taken under the store's lock.</summary>
internal sealed record FileSnapshot(
    FileKind Kind,
    string AppSlug,
    string Slug,
    string UploadFileName,
    long UploadFileSize,
    bool IsExpose,
    bool IsProtected,
    bool Processed,
    string CertificatePassword,
    string? UserEnvKey,
    JsonObject? ExposedMetaDatastore,
    string? FileSha256,
    IReadOnlyList<CertificateSummary> Certificates,
    string? CertificateSha256Fingerprint,
    bool IsUploaded);

/// <summary>The serial number (uppercase hexadecimal) and expiry of one certificate inside a .p12 file.</summary>
internal sealed record CertificateSummary(string? Serial, DateTimeOffset? ExpiryDate);

/// <summary>One page of a list request.</summary>
internal sealed record FilePage(IReadOnlyList<FileSnapshot> Items, int TotalItemCount, int PageItemLimit, string? Next);
