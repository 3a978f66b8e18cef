namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The table that maps each <see cref="CodeSigningFileKind"/> to its generated operations. The create operations
/// are not here because each kind's request differs; <see cref="CodeSigningFiles"/> calls them directly.
/// </summary>
internal static class FileKinds
{
    public static readonly FileKindOperations<ProvisionProfileResponseItemModel> ProvisioningProfile = new(
        CodeSigningFileKind.ProvisioningProfile,
        "provisioning profile",
        allowsEmptyFile: false,
        list: async (api, appSlug, next, limit, cancellationToken) => await api.ProvisioningProfileListAsync(appSlug, next, limit, cancellationToken).ConfigureAwait(false),
        show: async (api, appSlug, fileSlug, cancellationToken) => (await api.ProvisioningProfileShowAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        confirm: async (api, appSlug, fileSlug, cancellationToken) => (await api.ProvisioningProfileConfirmAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        delete: (api, appSlug, fileSlug, cancellationToken) => api.ProvisioningProfileDeleteAsync(appSlug, fileSlug, cancellationToken));

    public static readonly FileKindOperations<BuildCertificateResponseItemModel> BuildCertificate = new(
        CodeSigningFileKind.BuildCertificate,
        "build certificate",
        allowsEmptyFile: false,
        list: async (api, appSlug, next, limit, cancellationToken) => await api.BuildCertificateListAsync(appSlug, next, limit, cancellationToken).ConfigureAwait(false),
        show: async (api, appSlug, fileSlug, cancellationToken) => (await api.BuildCertificateShowAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        confirm: async (api, appSlug, fileSlug, cancellationToken) => (await api.BuildCertificateConfirmAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        delete: (api, appSlug, fileSlug, cancellationToken) => api.BuildCertificateDeleteAsync(appSlug, fileSlug, cancellationToken));

    public static readonly FileKindOperations<ProjectFileStorageResponseItemModel> GenericProjectFile = new(
        CodeSigningFileKind.GenericProjectFile,
        "generic project file",
        allowsEmptyFile: true,
        list: async (api, appSlug, next, limit, cancellationToken) => await api.GenericProjectFileListAsync(appSlug, next, limit, cancellationToken).ConfigureAwait(false),
        show: async (api, appSlug, fileSlug, cancellationToken) => (await api.GenericProjectFileShowAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        confirm: async (api, appSlug, fileSlug, cancellationToken) => (await api.GenericProjectFileConfirmAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        delete: (api, appSlug, fileSlug, cancellationToken) => api.GenericProjectFileDeleteAsync(appSlug, fileSlug, cancellationToken));

    public static readonly FileKindOperations<AndroidKeystoreFileResponseItemModel> AndroidKeystoreFile = new(
        CodeSigningFileKind.AndroidKeystoreFile,
        "Android keystore file",
        allowsEmptyFile: false,
        list: async (api, appSlug, next, limit, cancellationToken) => await api.AndroidKeystoreFileListAsync(appSlug, next, limit, cancellationToken).ConfigureAwait(false),
        show: async (api, appSlug, fileSlug, cancellationToken) => (await api.AndroidKeystoreFileShowAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        confirm: async (api, appSlug, fileSlug, cancellationToken) => (await api.AndroidKeystoreFileConfirmAsync(appSlug, fileSlug, cancellationToken).ConfigureAwait(false)).Data,
        delete: (api, appSlug, fileSlug, cancellationToken) => api.AndroidKeystoreFileDeleteAsync(appSlug, fileSlug, cancellationToken));

    public static readonly FileKindUpdate<ProvisionProfileResponseItemModel, ProvProfileDocumentUpdateParams> ProvisioningProfileUpdate = new(
        ProvisioningProfile,
        async (api, appSlug, fileSlug, change, cancellationToken) => (await api.ProvisioningProfileUpdateAsync(appSlug, fileSlug, change, cancellationToken).ConfigureAwait(false)).Data);

    public static readonly FileKindUpdate<BuildCertificateResponseItemModel, BuildCertificateUpdateParams> BuildCertificateUpdate = new(
        BuildCertificate,
        async (api, appSlug, fileSlug, change, cancellationToken) => (await api.BuildCertificateUpdateAsync(appSlug, fileSlug, change, cancellationToken).ConfigureAwait(false)).Data);

    public static readonly FileKindUpdate<ProjectFileStorageResponseItemModel, ProjectFileStorageDocumentUpdateParams> GenericProjectFileUpdate = new(
        GenericProjectFile,
        async (api, appSlug, fileSlug, change, cancellationToken) => (await api.GenericProjectFileUpdateAsync(appSlug, fileSlug, change, cancellationToken).ConfigureAwait(false)).Data);
}
