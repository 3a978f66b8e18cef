namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// The fields the demo checks in a file item of any kind, as the API returned them. It records whether a password or
/// a download URL is present, never their values, so that no secret reaches the demo's output through it.
/// </summary>
/// <param name="Slug">The file's slug.</param>
/// <param name="UploadFileName">The file name given at the upload.</param>
/// <param name="UploadFileSize">The size in bytes given at the upload.</param>
/// <param name="CertificateCount">
/// For a build certificate, the number of certificates the API read from the .p12 with its stored password;
/// <see langword="null"/> for other kinds.
/// </param>
internal sealed record RemoteFile(string? Slug, string? UploadFileName, long? UploadFileSize, int? CertificateCount = null)
{
    /// <summary>The item's <c>is_protected</c>, or <see langword="null"/> when the response omits it.</summary>
    public bool? IsProtected { get; init; }

    /// <summary>Whether the item has a <c>download_url</c>. Only show responses carry one.</summary>
    public bool HasDownloadUrl { get; init; }

    /// <summary>Whether a build certificate's item has a non-empty <c>certificate_password</c>.</summary>
    public bool HasCertificatePassword { get; init; }

    public static RemoteFile From(ProvisionProfileResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize) { IsProtected = item.IsProtected };

    public static RemoteFile From(ProvisionProfileDownloadResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize) { IsProtected = item.IsProtected, HasDownloadUrl = HasValue(item.DownloadUrl) };

    public static RemoteFile From(BuildCertificateResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize, item.Certificates?.Count ?? 0)
        {
            IsProtected = item.IsProtected,
            HasCertificatePassword = HasValue(item.CertificatePassword),
        };

    public static RemoteFile From(BuildCertificateDownloadResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize, item.Certificates?.Count ?? 0)
        {
            IsProtected = item.IsProtected,
            HasDownloadUrl = HasValue(item.DownloadUrl),
            HasCertificatePassword = HasValue(item.CertificatePassword),
        };

    public static RemoteFile From(ProjectFileStorageResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize) { IsProtected = item.IsProtected };

    public static RemoteFile From(ProjectFileStorageDownloadResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize) { IsProtected = item.IsProtected, HasDownloadUrl = HasValue(item.DownloadUrl) };

    public static RemoteFile From(AndroidKeystoreFileResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize) { IsProtected = item.IsProtected };

    public static RemoteFile From(AndroidKeystoreFileDownloadResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize) { IsProtected = item.IsProtected, HasDownloadUrl = HasValue(item.DownloadUrl) };

    private static bool HasValue(string? value) => !string.IsNullOrEmpty(value);
}
