using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Runs the library's per-kind operations through one set of methods, so that the demo's steps read the same for
/// every kind.
/// </summary>
internal sealed class CodeSigningFileOperations(ICodeSigningFiles files, string appSlug)
{
    /// <summary>
    /// Uploads <paramref name="file"/>: create, PUT to the presigned URL, confirm. For a build certificate with a
    /// password, the library then stores the password with an update, as Bitrise needs it to install the certificate.
    /// The library streams the file from disk.
    /// </summary>
    public async Task<RemoteFile> UploadAsync(DemoFile file, CancellationToken cancellationToken)
    {
        var source = UploadSource.FromFile(file.Path);
        return file.Kind switch
        {
            CodeSigningFileKind.ProvisioningProfile =>
                RemoteFile.From(await files.UploadProvisioningProfileAsync(appSlug, source, cancellationToken)),
            CodeSigningFileKind.BuildCertificate =>
                RemoteFile.From(await files.UploadBuildCertificateAsync(appSlug, source, NullIfEmpty(file.CertificatePassword), cancellationToken)),
            CodeSigningFileKind.GenericProjectFile =>
                RemoteFile.From(await files.UploadGenericProjectFileAsync(appSlug, file.UserEnvKey!, source, cancellationToken)),
            CodeSigningFileKind.AndroidKeystoreFile =>
                RemoteFile.From(await files.UploadAndroidKeystoreFileAsync(appSlug, file.KeystoreCredentials!, source, cancellationToken)),
            _ => throw UnknownKind(file.Kind),
        };
    }

    /// <summary>Returns whether files of <paramref name="kind"/> have an update (PATCH) operation. Android keystore files have none.</summary>
    public static bool SupportsUpdate(CodeSigningFileKind kind) => kind != CodeSigningFileKind.AndroidKeystoreFile;

    /// <summary>
    /// Sends an update that sets only <c>is_protected</c>. The library reads the file's current state first and raises
    /// <see cref="CodeSigningConstraintException"/> without sending the update when the change breaks a rule.
    /// </summary>
    /// <exception cref="NotSupportedException"><paramref name="kind"/> has no update operation.</exception>
    public async Task<RemoteFile> SetProtectedAsync(CodeSigningFileKind kind, string slug, bool isProtected, CancellationToken cancellationToken)
    {
        return kind switch
        {
            CodeSigningFileKind.ProvisioningProfile => RemoteFile.From(await files.UpdateProvisioningProfileAsync(
                appSlug, slug, new ProvProfileDocumentUpdateParams { IsProtected = isProtected }, cancellationToken: cancellationToken)),
            CodeSigningFileKind.BuildCertificate => RemoteFile.From(await files.UpdateBuildCertificateAsync(
                appSlug, slug, new BuildCertificateUpdateParams { IsProtected = isProtected }, cancellationToken: cancellationToken)),
            CodeSigningFileKind.GenericProjectFile => RemoteFile.From(await files.UpdateGenericProjectFileAsync(
                appSlug, slug, new ProjectFileStorageDocumentUpdateParams { IsProtected = isProtected }, cancellationToken: cancellationToken)),
            CodeSigningFileKind.AndroidKeystoreFile => throw new NotSupportedException("Android keystore files have no update (PATCH) operation."),
            _ => throw UnknownKind(kind),
        };
    }

    /// <summary>Lists every file of <paramref name="kind"/>, following the pages.</summary>
    public async IAsyncEnumerable<RemoteFile> ListAsync(CodeSigningFileKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case CodeSigningFileKind.ProvisioningProfile:
                await foreach (var item in files.ListProvisioningProfilesAsync(appSlug, cancellationToken: cancellationToken))
                {
                    yield return RemoteFile.From(item);
                }

                break;
            case CodeSigningFileKind.BuildCertificate:
                await foreach (var item in files.ListBuildCertificatesAsync(appSlug, cancellationToken: cancellationToken))
                {
                    yield return RemoteFile.From(item);
                }

                break;
            case CodeSigningFileKind.GenericProjectFile:
                await foreach (var item in files.ListGenericProjectFilesAsync(appSlug, cancellationToken: cancellationToken))
                {
                    yield return RemoteFile.From(item);
                }

                break;
            case CodeSigningFileKind.AndroidKeystoreFile:
                await foreach (var item in files.ListAndroidKeystoreFilesAsync(appSlug, cancellationToken: cancellationToken))
                {
                    yield return RemoteFile.From(item);
                }

                break;
            default:
                throw UnknownKind(kind);
        }
    }

    /// <summary>Shows one file: the show operation of its kind, which also returns the presigned download URL.</summary>
    public async Task<RemoteFile?> ShowAsync(CodeSigningFileKind kind, string slug, CancellationToken cancellationToken)
    {
        var api = files.Api;
        return kind switch
        {
            CodeSigningFileKind.ProvisioningProfile =>
                (await api.ProvisioningProfileShowAsync(appSlug, slug, cancellationToken)).Data is { } profile ? RemoteFile.From(profile) : null,
            CodeSigningFileKind.BuildCertificate =>
                (await api.BuildCertificateShowAsync(appSlug, slug, cancellationToken)).Data is { } certificate ? RemoteFile.From(certificate) : null,
            CodeSigningFileKind.GenericProjectFile =>
                (await api.GenericProjectFileShowAsync(appSlug, slug, cancellationToken)).Data is { } projectFile ? RemoteFile.From(projectFile) : null,
            CodeSigningFileKind.AndroidKeystoreFile =>
                (await api.AndroidKeystoreFileShowAsync(appSlug, slug, cancellationToken)).Data is { } keystore ? RemoteFile.From(keystore) : null,
            _ => throw UnknownKind(kind),
        };
    }

    /// <summary>Downloads one file into <paramref name="destination"/> and returns the number of bytes written.</summary>
    public Task<long> DownloadAsync(CodeSigningFileKind kind, string slug, Stream destination, CancellationToken cancellationToken) =>
        files.DownloadAsync(kind, appSlug, slug, destination, cancellationToken);

    /// <summary>Deletes one file.</summary>
    public Task DeleteAsync(CodeSigningFileKind kind, string slug, CancellationToken cancellationToken) =>
        files.DeleteAsync(kind, appSlug, slug, cancellationToken);

    // A .p12 exported without a password needs no stored password.
    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ArgumentOutOfRangeException UnknownKind(CodeSigningFileKind kind) =>
        new(nameof(kind), kind, "Unknown code-signing file kind.");
}
