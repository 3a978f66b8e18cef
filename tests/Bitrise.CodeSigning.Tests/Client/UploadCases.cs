using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>
/// The upload and list of one kind through <see cref="ICodeSigningFiles"/>, each returning slugs, with the API path
/// of the kind's collection.
/// </summary>
internal sealed record UploadCase(
    CodeSigningFileKind Kind,
    string Collection,
    Func<ICodeSigningFiles, string, UploadSource, CancellationToken, Task<string?>> Upload,
    Func<ICodeSigningFiles, string, CancellationToken, IAsyncEnumerable<string?>> ListSlugs);

internal static class UploadCases
{
    /// <summary>The credentials of the keystore fixture <c>codemagic-keytool-rfc-cert-keystore.p12</c>.</summary>
    public static readonly AndroidKeystoreCredentials KeystoreCredentials = new("alias1", "password", "password");

    public static readonly IReadOnlyDictionary<CodeSigningFileKind, UploadCase> All = new Dictionary<CodeSigningFileKind, UploadCase>
    {
        [CodeSigningFileKind.ProvisioningProfile] = new(
            CodeSigningFileKind.ProvisioningProfile,
            "provisioning-profiles",
            async (files, app, source, token) => (await files.UploadProvisioningProfileAsync(app, source, token)).Slug,
            (files, app, token) => files.ListProvisioningProfilesAsync(app, cancellationToken: token).Select(item => item.Slug)),
        [CodeSigningFileKind.BuildCertificate] = new(
            CodeSigningFileKind.BuildCertificate,
            "build-certificates",
            async (files, app, source, token) => (await files.UploadBuildCertificateAsync(app, source, cancellationToken: token)).Slug,
            (files, app, token) => files.ListBuildCertificatesAsync(app, cancellationToken: token).Select(item => item.Slug)),
        [CodeSigningFileKind.GenericProjectFile] = new(
            CodeSigningFileKind.GenericProjectFile,
            "generic-project-files",
            async (files, app, source, token) => (await files.UploadGenericProjectFileAsync(app, "CONFIG_URL", source, token)).Slug,
            (files, app, token) => files.ListGenericProjectFilesAsync(app, cancellationToken: token).Select(item => item.Slug)),
        [CodeSigningFileKind.AndroidKeystoreFile] = new(
            CodeSigningFileKind.AndroidKeystoreFile,
            "android-keystore-files",
            async (files, app, source, token) => (await files.UploadAndroidKeystoreFileAsync(app, KeystoreCredentials, source, token)).Slug,
            (files, app, token) => files.ListAndroidKeystoreFilesAsync(app, cancellationToken: token).Select(item => item.Slug)),
    };

    public static TheoryData<CodeSigningFileKind> Kinds => new(Enum.GetValues<CodeSigningFileKind>());
}
