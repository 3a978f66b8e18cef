using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bitrise.CodeSigning.Emulator.Api;

// The emulator's own wire shapes, written from the official API description and shared with no client code,
// so a naming mistake on one side shows up as a failing test instead of cancelling out.

/// <summary>The body of every API error: <c>{"message": "..."}</c>.</summary>
internal sealed record ErrorResponse([property: JsonPropertyName("message")] string Message);

/// <summary>The envelope of a single item: <c>{"data": {...}}</c>.</summary>
internal sealed record ItemResponse<T>([property: JsonPropertyName("data")] T Data);

/// <summary>The envelope of a list page: <c>{"data": [...], "paging": {...}}</c>.</summary>
internal sealed record ListResponse<T>(
    [property: JsonPropertyName("data")] IReadOnlyList<T> Data,
    [property: JsonPropertyName("paging")] PagingModel Paging);

/// <summary>The paging object of a list page. The last page leaves out <c>next</c>.</summary>
internal sealed record PagingModel(
    [property: JsonPropertyName("total_item_count")] int TotalItemCount,
    [property: JsonPropertyName("page_item_limit")] int PageItemLimit,
    [property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next);

/// <summary>
/// The fields that every kind of file has, set by <see cref="ItemResults"/> after the kind's own fields.
/// <c>upload_url</c> appears only in create responses and <c>download_url</c> only in show responses, so both are
/// left out when null.
/// </summary>
internal abstract class FileItemModel
{
    [JsonPropertyName("slug")]
    public string Slug { get; set; } = "";

    [JsonPropertyName("upload_file_name")]
    public string UploadFileName { get; set; } = "";

    [JsonPropertyName("upload_file_size")]
    public long UploadFileSize { get; set; }

    [JsonPropertyName("processed")]
    public bool Processed { get; set; }

    [JsonPropertyName("is_expose")]
    public bool IsExpose { get; set; }

    [JsonPropertyName("is_protected")]
    public bool IsProtected { get; set; }

    [JsonPropertyName("upload_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UploadUrl { get; set; }

    [JsonPropertyName("download_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DownloadUrl { get; set; }
}

/// <summary>A provisioning profile (<c>v0.ProvisionProfileResponseItemModel</c>).</summary>
internal sealed class ProvisioningProfileModel : FileItemModel;

/// <summary>A build certificate (<c>v0.BuildCertificateResponseItemModel</c>).</summary>
internal sealed class BuildCertificateModel : FileItemModel
{
    [JsonPropertyName("certificate_password")]
    public required string CertificatePassword { get; init; }

    [JsonPropertyName("certificates")]
    public required IReadOnlyList<CertificateContentModel> Certificates { get; init; }

    [JsonPropertyName("file_sha256")]
    public required string? FileSha256 { get; init; }
}

/// <summary>One certificate inside a build certificate (<c>v0.BuildCertificateContentModel</c>).</summary>
internal sealed record CertificateContentModel(
    [property: JsonPropertyName("serial")] string? Serial,
    [property: JsonPropertyName("expiry_date")] string? ExpiryDate);

/// <summary>A generic project file (<c>v0.ProjectFileStorageResponseItemModel</c>).</summary>
internal class ProjectFileModel : FileItemModel
{
    [JsonPropertyName("user_env_key")]
    public required string? UserEnvKey { get; init; }

    [JsonPropertyName("exposed_meta_datastore")]
    public required JsonObject? ExposedMetaDatastore { get; init; }
}

/// <summary>An Android keystore file (<c>v0.AndroidKeystoreFileResponseItemModel</c>).</summary>
internal sealed class AndroidKeystoreFileModel : ProjectFileModel
{
    [JsonPropertyName("file_sha256")]
    public required string? FileSha256 { get; init; }

    [JsonPropertyName("certificate_sha256_fingerprint")]
    public required string? CertificateSha256Fingerprint { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ItemResponse<ProvisioningProfileModel>))]
[JsonSerializable(typeof(ItemResponse<BuildCertificateModel>))]
[JsonSerializable(typeof(ItemResponse<ProjectFileModel>))]
[JsonSerializable(typeof(ItemResponse<AndroidKeystoreFileModel>))]
[JsonSerializable(typeof(ListResponse<ProvisioningProfileModel>))]
[JsonSerializable(typeof(ListResponse<BuildCertificateModel>))]
[JsonSerializable(typeof(ListResponse<ProjectFileModel>))]
[JsonSerializable(typeof(ListResponse<AndroidKeystoreFileModel>))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
