using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

/// <summary>
/// An in-memory stand-in for the library's generic project file operations, with switches to make a step fail.
/// Every other kind and the generated API client throw <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class FakeCodeSigningFiles : ICodeSigningFiles
{
    private readonly List<ProjectFileStorageResponseItemModel> _files = [];

    /// <summary>The exception the upload throws, or <see langword="null"/> to upload.</summary>
    public Exception? UploadFailure { get; init; }

    /// <summary>The bytes every download returns.</summary>
    public byte[] DownloadContent { get; init; } = [];

    public ICodeSigningApiClient Api => throw new NotSupportedException("The fake has no API client.");

    public Task<ProjectFileStorageResponseItemModel> UploadGenericProjectFileAsync(string appSlug, string userEnvKey, UploadSource source, CancellationToken cancellationToken = default)
    {
        if (UploadFailure is not null)
        {
            throw UploadFailure;
        }

        var item = new ProjectFileStorageResponseItemModel
        {
            Slug = $"slug-{_files.Count + 1}",
            UploadFileName = source.FileName,
            UploadFileSize = source.Length,
            UserEnvKey = userEnvKey,
        };
        _files.Add(item);
        return Task.FromResult(item);
    }

    public async IAsyncEnumerable<ProjectFileStorageResponseItemModel> ListGenericProjectFilesAsync(string appSlug, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var item in _files.ToArray())
        {
            yield return item;
        }
    }

    public async Task<long> DownloadAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, Stream destination, CancellationToken cancellationToken = default)
    {
        await destination.WriteAsync(DownloadContent, cancellationToken);
        return DownloadContent.Length;
    }

    public Task DeleteAsync(CodeSigningFileKind kind, string appSlug, string fileSlug, CancellationToken cancellationToken = default)
    {
        _files.RemoveAll(item => item.Slug == fileSlug);
        return Task.CompletedTask;
    }

    public Task<ProvisionProfileResponseItemModel> UploadProvisioningProfileAsync(string appSlug, UploadSource source, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<BuildCertificateResponseItemModel> UploadBuildCertificateAsync(string appSlug, UploadSource source, string? certificatePassword = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ProvisionProfileResponseItemModel> UpdateProvisioningProfileAsync(
        string appSlug, string fileSlug, ProvProfileDocumentUpdateParams change, ProvisionProfileResponseItemModel? current = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<BuildCertificateResponseItemModel> UpdateBuildCertificateAsync(
        string appSlug, string fileSlug, BuildCertificateUpdateParams change, BuildCertificateResponseItemModel? current = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ProjectFileStorageResponseItemModel> UpdateGenericProjectFileAsync(
        string appSlug, string fileSlug, ProjectFileStorageDocumentUpdateParams change, ProjectFileStorageResponseItemModel? current = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<AndroidKeystoreFileResponseItemModel> UploadAndroidKeystoreFileAsync(string appSlug, AndroidKeystoreCredentials credentials, UploadSource source, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<ProvisionProfileResponseItemModel> ListProvisioningProfilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<BuildCertificateResponseItemModel> ListBuildCertificatesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<AndroidKeystoreFileResponseItemModel> ListAndroidKeystoreFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
