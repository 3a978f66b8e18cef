using System;
using System.Globalization;
using System.Linq;
using Bitrise.CodeSigning.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Bitrise.CodeSigning.Emulator.Api;

/// <summary>Turns file snapshots into JSON responses in the shape of each kind's response model.</summary>
internal static class ItemResults
{
    public static IResult Item(FileSnapshot file, int statusCode = StatusCodes.Status200OK, string? uploadUrl = null, string? downloadUrl = null)
    {
        var context = EmulatorJsonContext.Default;
        return file.Kind switch
        {
            FileKind.ProvisioningProfile => Results.Json(new ItemResponse<ProvisioningProfileModel>(ToProvisioningProfile(file, uploadUrl, downloadUrl)), context.ItemResponseProvisioningProfileModel, statusCode: statusCode),
            FileKind.BuildCertificate => Results.Json(new ItemResponse<BuildCertificateModel>(ToBuildCertificate(file, uploadUrl, downloadUrl)), context.ItemResponseBuildCertificateModel, statusCode: statusCode),
            FileKind.GenericProjectFile => Results.Json(new ItemResponse<ProjectFileModel>(ToProjectFile(file, uploadUrl, downloadUrl)), context.ItemResponseProjectFileModel, statusCode: statusCode),
            FileKind.AndroidKeystoreFile => Results.Json(new ItemResponse<AndroidKeystoreFileModel>(ToAndroidKeystoreFile(file, uploadUrl, downloadUrl)), context.ItemResponseAndroidKeystoreFileModel, statusCode: statusCode),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.Kind, null),
        };
    }

    /// <summary>
    /// Returns the response of a delete request. The official description gives the keystore delete operation the
    /// generic project file model, so a deleted keystore has no <c>file_sha256</c> or fingerprint.
    /// </summary>
    public static IResult Deleted(FileSnapshot file)
    {
        if (file.Kind != FileKind.AndroidKeystoreFile)
        {
            return Item(file);
        }

        return Results.Json(new ItemResponse<ProjectFileModel>(ToProjectFile(file, null, null)), EmulatorJsonContext.Default.ItemResponseProjectFileModel);
    }

    public static IResult Page(FileKind kind, FilePage page)
    {
        var context = EmulatorJsonContext.Default;
        var paging = new PagingModel(page.TotalItemCount, page.PageItemLimit, page.Next);
        return kind switch
        {
            FileKind.ProvisioningProfile => Results.Json(new ListResponse<ProvisioningProfileModel>([.. page.Items.Select(file => ToProvisioningProfile(file, null, null))], paging), context.ListResponseProvisioningProfileModel),
            FileKind.BuildCertificate => Results.Json(new ListResponse<BuildCertificateModel>([.. page.Items.Select(file => ToBuildCertificate(file, null, null))], paging), context.ListResponseBuildCertificateModel),
            FileKind.GenericProjectFile => Results.Json(new ListResponse<ProjectFileModel>([.. page.Items.Select(file => ToProjectFile(file, null, null))], paging), context.ListResponseProjectFileModel),
            FileKind.AndroidKeystoreFile => Results.Json(new ListResponse<AndroidKeystoreFileModel>([.. page.Items.Select(file => ToAndroidKeystoreFile(file, null, null))], paging), context.ListResponseAndroidKeystoreFileModel),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static ProvisioningProfileModel ToProvisioningProfile(FileSnapshot file, string? uploadUrl, string? downloadUrl) =>
        WithCommonFields(new ProvisioningProfileModel(), file, uploadUrl, downloadUrl);

    private static BuildCertificateModel ToBuildCertificate(FileSnapshot file, string? uploadUrl, string? downloadUrl)
    {
        var model = new BuildCertificateModel
        {
            CertificatePassword = file.CertificatePassword,
            Certificates = [.. file.Certificates.Select(ToCertificateContent)],
            FileSha256 = file.FileSha256,
        };
        return WithCommonFields(model, file, uploadUrl, downloadUrl);
    }

    private static ProjectFileModel ToProjectFile(FileSnapshot file, string? uploadUrl, string? downloadUrl)
    {
        var model = new ProjectFileModel
        {
            UserEnvKey = file.UserEnvKey,
            ExposedMetaDatastore = file.ExposedMetaDatastore,
        };
        return WithCommonFields(model, file, uploadUrl, downloadUrl);
    }

    private static AndroidKeystoreFileModel ToAndroidKeystoreFile(FileSnapshot file, string? uploadUrl, string? downloadUrl)
    {
        var model = new AndroidKeystoreFileModel
        {
            UserEnvKey = file.UserEnvKey,
            ExposedMetaDatastore = file.ExposedMetaDatastore,
            FileSha256 = file.FileSha256,
            CertificateSha256Fingerprint = file.CertificateSha256Fingerprint,
        };
        return WithCommonFields(model, file, uploadUrl, downloadUrl);
    }

    private static T WithCommonFields<T>(T model, FileSnapshot file, string? uploadUrl, string? downloadUrl)
        where T : FileItemModel
    {
        model.Slug = file.Slug;
        model.UploadFileName = file.UploadFileName;
        model.UploadFileSize = file.UploadFileSize;
        model.Processed = file.Processed;
        model.IsExpose = file.IsExpose;
        model.IsProtected = file.IsProtected;
        model.UploadUrl = uploadUrl;
        model.DownloadUrl = downloadUrl;
        return model;
    }

    private static CertificateContentModel ToCertificateContent(CertificateSummary certificate) => new(
        certificate.Serial,
        certificate.ExpiryDate?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
