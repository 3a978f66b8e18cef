using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The implementation of <see cref="ICodeSigningFiles"/>: one kind-independent engine for upload, update, download,
/// paging and delete, driven by the table of generated operations in <see cref="FileKinds"/>. The upload engine is in
/// <c>CodeSigningFiles.Upload.cs</c> and the update engine in <c>CodeSigningFiles.Update.cs</c>.
/// </summary>
internal sealed partial class CodeSigningFiles : ICodeSigningFiles
{
    private readonly StorageTransfer _storage;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public CodeSigningFiles(ICodeSigningApiClient api, StorageTransfer storage, ILogger<CodeSigningFiles> logger, TimeProvider timeProvider)
    {
        Api = api;
        _storage = storage;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public ICodeSigningApiClient Api { get; }

    public Task<ProvisionProfileResponseItemModel> UploadProvisioningProfileAsync(string appSlug, UploadSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);

        var request = new ProvisionProfileUploadParams { UploadFileName = source.FileName, UploadFileSize = source.Length };
        return UploadAsync(
            FileKinds.ProvisioningProfile,
            appSlug,
            source,
            async token => (await Api.ProvisioningProfileCreateAsync(appSlug, request, token).ConfigureAwait(false)).Data,
            setPassword: null,
            password: null,
            cancellationToken);
    }

    public Task<BuildCertificateResponseItemModel> UploadBuildCertificateAsync(string appSlug, UploadSource source, string? certificatePassword = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);

        var request = new BuildCertificateUploadParams { UploadFileName = source.FileName, UploadFileSize = source.Length };
        Func<string, CancellationToken, Task<BuildCertificateResponseItemModel?>>? setPassword = null;
        if (certificatePassword is not null)
        {
            var change = new BuildCertificateUpdateParams { CertificatePassword = certificatePassword };
            setPassword = async (fileSlug, token) => (await Api.BuildCertificateUpdateAsync(appSlug, fileSlug, change, token).ConfigureAwait(false)).Data;
        }

        return UploadAsync(
            FileKinds.BuildCertificate,
            appSlug,
            source,
            async token => (await Api.BuildCertificateCreateAsync(appSlug, request, token).ConfigureAwait(false)).Data,
            setPassword,
            certificatePassword,
            cancellationToken);
    }

    public Task<ProjectFileStorageResponseItemModel> UploadGenericProjectFileAsync(string appSlug, string userEnvKey, UploadSource source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userEnvKey);
        ArgumentNullException.ThrowIfNull(source);

        var request = new ProjectFileStorageUploadParams { UploadFileName = source.FileName, UploadFileSize = source.Length, UserEnvKey = userEnvKey };
        return UploadAsync(
            FileKinds.GenericProjectFile,
            appSlug,
            source,
            async token => (await Api.GenericProjectFilesCreateAsync(appSlug, request, token).ConfigureAwait(false)).Data,
            setPassword: null,
            password: null,
            cancellationToken);
    }

    public Task<AndroidKeystoreFileResponseItemModel> UploadAndroidKeystoreFileAsync(string appSlug, AndroidKeystoreCredentials credentials, UploadSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(source);

        var request = new AndroidKeystoreFileUploadParams
        {
            Alias = credentials.Alias,
            Password = credentials.Password,
            PrivateKeyPassword = credentials.PrivateKeyPassword,
            UploadFileName = source.FileName,
            UploadFileSize = source.Length,
        };
        return UploadAsync(
            FileKinds.AndroidKeystoreFile,
            appSlug,
            source,
            async token => (await Api.AndroidKeystoreFileCreateAsync(appSlug, request, token).ConfigureAwait(false)).Data,
            setPassword: null,
            password: null,
            cancellationToken);
    }

    public Task<ProvisionProfileResponseItemModel> UpdateProvisioningProfileAsync(string appSlug, string fileSlug, ProvProfileDocumentUpdateParams change, ProvisionProfileResponseItemModel? current = null, CancellationToken cancellationToken = default)
        => UpdateAsync(FileKinds.ProvisioningProfileUpdate, appSlug, fileSlug, change, current, cancellationToken);

    public Task<BuildCertificateResponseItemModel> UpdateBuildCertificateAsync(string appSlug, string fileSlug, BuildCertificateUpdateParams change, BuildCertificateResponseItemModel? current = null, CancellationToken cancellationToken = default)
        => UpdateAsync(FileKinds.BuildCertificateUpdate, appSlug, fileSlug, change, current, cancellationToken);

    public Task<ProjectFileStorageResponseItemModel> UpdateGenericProjectFileAsync(string appSlug, string fileSlug, ProjectFileStorageDocumentUpdateParams change, ProjectFileStorageResponseItemModel? current = null, CancellationToken cancellationToken = default)
        => UpdateAsync(FileKinds.GenericProjectFileUpdate, appSlug, fileSlug, change, current, cancellationToken);

    public async Task<long> DownloadAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, Stream destination, CancellationToken cancellationToken = default)
    {
        var operations = FileKindOperations.For(kind);
        ArgumentException.ThrowIfNullOrEmpty(appSlug);
        ArgumentException.ThrowIfNullOrEmpty(fileSlug);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written. Pass a writable stream.", nameof(destination));
        }

        var started = _timeProvider.GetTimestamp();
        var file = await operations.ShowAsync(Api, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
        var url = RequireDownloadUrl(operations, appSlug, fileSlug, file);
        var expectedSha256 = ParseExpectedSha256(operations, appSlug, fileSlug, (file as IChecksummedFile)?.FileSha256);

        Log.DownloadStarting(_logger, kind, appSlug, fileSlug, url.Host, url.Path);
        var (length, actualSha256) = await _storage.DownloadAsync(url, destination, expectedSha256 is not null, cancellationToken).ConfigureAwait(false);
        if (expectedSha256 is not null && !CryptographicOperations.FixedTimeEquals(expectedSha256, actualSha256))
        {
            throw ChecksumMismatch(operations, appSlug, fileSlug, expectedSha256, actualSha256!);
        }

        Log.DownloadCompleted(_logger, kind, appSlug, fileSlug, length, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return length;
    }

    public IAsyncEnumerable<ProvisionProfileResponseItemModel> ListProvisioningProfilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default)
        => List(FileKinds.ProvisioningProfile, appSlug, pageSize, cancellationToken);

    public IAsyncEnumerable<BuildCertificateResponseItemModel> ListBuildCertificatesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default)
        => List(FileKinds.BuildCertificate, appSlug, pageSize, cancellationToken);

    public IAsyncEnumerable<ProjectFileStorageResponseItemModel> ListGenericProjectFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default)
        => List(FileKinds.GenericProjectFile, appSlug, pageSize, cancellationToken);

    public IAsyncEnumerable<AndroidKeystoreFileResponseItemModel> ListAndroidKeystoreFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default)
        => List(FileKinds.AndroidKeystoreFile, appSlug, pageSize, cancellationToken);

    public async Task DeleteAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, CancellationToken cancellationToken = default)
    {
        var operations = FileKindOperations.For(kind);
        ArgumentException.ThrowIfNullOrEmpty(appSlug);
        ArgumentException.ThrowIfNullOrEmpty(fileSlug);

        await operations.DeleteAsync(Api, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
        Log.FileDeleted(_logger, kind, appSlug, fileSlug);
    }

    private IAsyncEnumerable<TItem> List<TItem>(FileKindOperations<TItem> operations, string appSlug, int? pageSize, CancellationToken cancellationToken)
        where TItem : class
    {
        ArgumentException.ThrowIfNullOrEmpty(appSlug);
        if (pageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(pageSize));
        }

        return Paging.EnumerateAsync<TItem>(
            async (next, token) =>
            {
                var page = await operations.ListAsync(Api, appSlug, next, pageSize, token).ConfigureAwait(false);
                var items = page.Data ?? throw MissingField(operations, "list", appSlug, "data");
                Log.ListPageReceived(_logger, operations.Kind, appSlug, items.Count, !string.IsNullOrEmpty(page.Paging?.Next));
                return (items, page.Paging?.Next);
            },
            $"the {operations.DisplayName}s of app '{appSlug}'",
            cancellationToken);
    }

    private static PresignedUrl RequireDownloadUrl(FileKindOperations operations, string appSlug, string fileSlug, IDownloadableFile? file)
    {
        if (!string.IsNullOrEmpty(file?.DownloadUrl))
        {
            return PresignedUrl.Parse(file.DownloadUrl, "download_url");
        }

        var reason = file?.IsProtected == true
            ? "because it is protected. A protected file cannot be downloaded through the API, and protection cannot be undone; a build that uses the file still gets it. To have a copy you can download, upload the file again without protecting it"
            : "although it is not marked as protected. Check that the upload was confirmed, then try again";
        throw new CodeSigningStorageException(
            CodeSigningStorageFailure.NoDownloadUrl,
            $"The API returned no download_url for the {operations.DisplayName} '{fileSlug}' of app '{appSlug}' {reason}.");
    }

    private static byte[]? ParseExpectedSha256(FileKindOperations operations, string appSlug, string fileSlug, string? fileSha256)
    {
        if (string.IsNullOrEmpty(fileSha256))
        {
            return null;
        }

        if (fileSha256.Length != SHA256.HashSizeInBytes * 2)
        {
            throw InvalidSha256(operations, appSlug, fileSlug, fileSha256);
        }

        try
        {
            return Convert.FromHexString(fileSha256);
        }
        catch (FormatException)
        {
            throw InvalidSha256(operations, appSlug, fileSlug, fileSha256);
        }
    }

    private CodeSigningStorageException ChecksumMismatch(FileKindOperations operations, string appSlug, string fileSlug, byte[] expected, byte[] actual)
    {
        var expectedHex = Convert.ToHexString(expected).ToLowerInvariant();
        var actualHex = Convert.ToHexString(actual).ToLowerInvariant();
        Log.DownloadChecksumMismatch(_logger, operations.Kind, appSlug, fileSlug, actualHex, expectedHex);
        return new CodeSigningStorageException(
            CodeSigningStorageFailure.ChecksumMismatch,
            $"The SHA-256 of the downloaded {operations.DisplayName} '{fileSlug}' of app '{appSlug}' is {actualHex}, but its file_sha256 is {expectedHex}. "
            + "The downloaded bytes are corrupt or the file changed during the download: discard them and download again.");
    }

    private static CodeSigningStorageException InvalidSha256(FileKindOperations operations, string appSlug, string fileSlug, string fileSha256)
        => new(
            CodeSigningStorageFailure.ChecksumMismatch,
            $"The file_sha256 of the {operations.DisplayName} '{fileSlug}' of app '{appSlug}' is '{fileSha256}', which is not a SHA-256 in hexadecimal (64 digits), so the download cannot be verified. Report this to the API's operator.");

    /// <summary>
    /// Creates the exception for a 2xx response without a field the operation needs. The generated client does not
    /// pass the response's method, path and status up to this layer, so the exception carries none of them.
    /// </summary>
    private static CodeSigningResponseException MissingField(FileKindOperations operations, string operation, string appSlug, string field)
        => new(
            CodeSigningResponseFailure.InvalidResponse,
            $"The {operation} of a {operations.DisplayName} in app '{appSlug}' succeeded, but the response has no '{field}'. Report this to the API's operator.",
            method: null,
            path: null);
}
