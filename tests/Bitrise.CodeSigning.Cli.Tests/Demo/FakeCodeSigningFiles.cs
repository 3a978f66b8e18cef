using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

/// <summary>Who checks the rules of an update in <see cref="FakeCodeSigningFiles"/>.</summary>
internal enum FakeUpdateRules
{
    /// <summary>The client raises <see cref="CodeSigningConstraintException"/> and sends nothing, as the library does.</summary>
    CheckedByClient,

    /// <summary>The client sends the update and the service rejects it with 400.</summary>
    CheckedByService,

    /// <summary>Nobody checks: the update is sent and applied.</summary>
    NotChecked,
}

/// <summary>
/// An in-memory stand-in for the library's generic project file operations, with switches to make a step fail.
/// Every other kind and the generated API client throw <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class FakeCodeSigningFiles : ICodeSigningFiles
{
    private readonly List<ProjectFileStorageResponseItemModel> _files = [];

    private readonly List<ProjectFileStorageDocumentUpdateParams> _sentUpdates = [];

    /// <summary>The exception the upload throws, or <see langword="null"/> to upload.</summary>
    public Exception? UploadFailure { get; init; }

    /// <summary>The bytes every download returns.</summary>
    public byte[] DownloadContent { get; init; } = [];

    /// <summary>Who checks the update rules. Only the rule that a protected file stays protected is modeled.</summary>
    public FakeUpdateRules UpdateRules { get; init; } = FakeUpdateRules.CheckedByClient;

    /// <summary>The updates that reached the service, whether it applied or rejected them.</summary>
    public IReadOnlyList<ProjectFileStorageDocumentUpdateParams> SentUpdates => _sentUpdates;

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

    public Task<ProjectFileStorageResponseItemModel> UpdateGenericProjectFileAsync(
        string appSlug, string fileSlug, ProjectFileStorageDocumentUpdateParams change, ProjectFileStorageResponseItemModel? current = null, CancellationToken cancellationToken = default)
    {
        var item = _files.Find(file => file.Slug == fileSlug) ?? throw new InvalidOperationException($"The fake has no file '{fileSlug}'.");
        var unprotects = item.IsProtected == true && change.IsProtected is { HasValue: true, Value: false };
        if (unprotects && UpdateRules == FakeUpdateRules.CheckedByClient)
        {
            throw ProtectedFileException(appSlug, fileSlug, rejectedByService: false);
        }

        _sentUpdates.Add(change);
        if (unprotects && UpdateRules == FakeUpdateRules.CheckedByService)
        {
            throw ProtectedFileException(appSlug, fileSlug, rejectedByService: true);
        }

        if (change.IsProtected.HasValue)
        {
            item.IsProtected = change.IsProtected.Value;
        }

        return Task.FromResult(item);
    }

    private static CodeSigningConstraintException ProtectedFileException(string appSlug, string fileSlug, bool rejectedByService) => new(
        $"is_protected is true and cannot change to false (generic project file '{fileSlug}').",
        CodeSigningFileKind.GenericProjectFile,
        appSlug,
        fileSlug,
        [new CodeSigningConstraintViolation("is_protected", Current: true, Requested: false)],
        rejectedByService);

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

    public Task<AndroidKeystoreFileResponseItemModel> UploadAndroidKeystoreFileAsync(string appSlug, AndroidKeystoreCredentials credentials, UploadSource source, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<ProvisionProfileResponseItemModel> ListProvisioningProfilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<BuildCertificateResponseItemModel> ListBuildCertificatesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<AndroidKeystoreFileResponseItemModel> ListAndroidKeystoreFilesAsync(string appSlug, int? pageSize = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
