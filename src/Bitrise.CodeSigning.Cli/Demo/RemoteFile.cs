namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>The fields the demo checks in a file item of any kind, as the API returned them.</summary>
/// <param name="Slug">The file's slug.</param>
/// <param name="UploadFileName">The file name given at the upload.</param>
/// <param name="UploadFileSize">The size in bytes given at the upload.</param>
/// <param name="CertificateCount">
/// For a build certificate, the number of certificates the API read from the .p12 with its stored password;
/// <see langword="null"/> for other kinds.
/// </param>
internal sealed record RemoteFile(string? Slug, string? UploadFileName, long? UploadFileSize, int? CertificateCount = null)
{
    public static RemoteFile From(ProvisionProfileResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(ProvisionProfileDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(BuildCertificateResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize, item.Certificates?.Count ?? 0);

    public static RemoteFile From(BuildCertificateDownloadResponseItemModel item) =>
        new(item.Slug, item.UploadFileName, item.UploadFileSize, item.Certificates?.Count ?? 0);

    public static RemoteFile From(ProjectFileStorageResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(ProjectFileStorageDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(AndroidKeystoreFileResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(AndroidKeystoreFileDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);
}
