namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>The fields the demo checks in a file item of any kind, as the API returned them.</summary>
internal sealed record RemoteFile(string? Slug, string? UploadFileName, long? UploadFileSize)
{
    public static RemoteFile From(ProvisionProfileResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(ProvisionProfileDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(BuildCertificateResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(BuildCertificateDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(ProjectFileStorageResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(ProjectFileStorageDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(AndroidKeystoreFileResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);

    public static RemoteFile From(AndroidKeystoreFileDownloadResponseItemModel item) => new(item.Slug, item.UploadFileName, item.UploadFileSize);
}
