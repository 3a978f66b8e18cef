using System.Collections.Generic;
using Bitrise.CodeSigning.Internal;

// The generated models of the four kinds share their fields but no base type. These internal interfaces, attached
// through partial declarations, let one engine serve every kind.

namespace Bitrise.CodeSigning.Internal
{
    /// <summary>The response item of a create operation: the new item's slug and its presigned upload URL.</summary>
    internal interface ICreatedUpload
    {
        string? Slug { get; }

        string? UploadUrl { get; }
    }

    /// <summary>The response item of a show operation: the download URL, absent while the file is protected.</summary>
    internal interface IDownloadableFile
    {
        string? DownloadUrl { get; }

        bool? IsProtected { get; }
    }

    /// <summary>A show response item that carries the SHA-256 of the stored bytes, in lowercase hexadecimal.</summary>
    internal interface IChecksummedFile
    {
        string? FileSha256 { get; }
    }

    /// <summary>The flags that the PATCH rules constrain, as a show, confirm, update or list returns them.</summary>
    internal interface IFileFlags
    {
        string? Slug { get; }

        bool? IsProtected { get; }

        bool? IsExpose { get; }

        bool? Processed { get; }
    }

    /// <summary>A list response item, as the search for the entry of a create whose response was lost reads it.</summary>
    internal interface IListedFile
    {
        string? Slug { get; }

        string? UploadFileName { get; }

        long? UploadFileSize { get; }

        bool? Processed { get; }
    }

    /// <summary>The flags that a PATCH request may set; an unset flag keeps its value.</summary>
    internal interface IFlagChange
    {
        Optional<bool> IsProtected { get; }

        Optional<bool> IsExpose { get; }

        Optional<bool> Processed { get; }
    }

    /// <summary>One page of a list operation.</summary>
    internal interface IListPage<TItem>
    {
        IReadOnlyList<TItem>? Data { get; }

        PagingResponseModel? Paging { get; }
    }
}

namespace Bitrise.CodeSigning
{
    partial class ProvisionProfileUploadResponseItemModel : ICreatedUpload;

    partial class BuildCertificateUploadResponseItemModel : ICreatedUpload;

    partial class ProjectFileStorageUploadResponseItemModel : ICreatedUpload;

    partial class AndroidKeystoreFileUploadResponseItemModel : ICreatedUpload;

    partial class ProvisionProfileDownloadResponseItemModel : IDownloadableFile, IFileFlags;

    partial class BuildCertificateDownloadResponseItemModel : IDownloadableFile, IChecksummedFile, IFileFlags;

    partial class ProjectFileStorageDownloadResponseItemModel : IDownloadableFile, IFileFlags;

    partial class AndroidKeystoreFileDownloadResponseItemModel : IDownloadableFile, IChecksummedFile;

    partial class ProvisionProfileResponseItemModel : IFileFlags, IListedFile;

    partial class BuildCertificateResponseItemModel : IFileFlags, IListedFile;

    partial class ProjectFileStorageResponseItemModel : IFileFlags, IListedFile;

    partial class AndroidKeystoreFileResponseItemModel : IListedFile;

    partial class ProvProfileDocumentUpdateParams : IFlagChange;

    partial class BuildCertificateUpdateParams : IFlagChange;

    partial class ProjectFileStorageDocumentUpdateParams : IFlagChange;

    partial class ProvisionProfileListResponseModel : IListPage<ProvisionProfileResponseItemModel>;

    partial class BuildCertificateListResponseModel : IListPage<BuildCertificateResponseItemModel>;

    partial class ProjectFileStorageListResponseModel : IListPage<ProjectFileStorageResponseItemModel>;

    partial class AndroidKeystoreFileListResponseModel : IListPage<AndroidKeystoreFileResponseItemModel>;
}
