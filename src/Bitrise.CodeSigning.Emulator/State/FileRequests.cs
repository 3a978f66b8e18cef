using System.Text.Json.Nodes;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>
/// The validated body of a create request. The keystore fields are set only for Android keystore files and
/// <see cref="UserEnvKey"/> only for generic project files.
/// </summary>
internal sealed record FileCreateRequest(string UploadFileName, long UploadFileSize)
{
    public string? UserEnvKey { get; init; }

    public string? Alias { get; init; }

    public string? Password { get; init; }

    public string? PrivateKeyPassword { get; init; }

    public string? KeystoreFileName { get; init; }
}

/// <summary>
/// The validated body of a PATCH request. A <see langword="null"/> field was absent or JSON null, and the file keeps its value.
/// </summary>
internal sealed record FileUpdateRequest
{
    public bool? IsExpose { get; init; }

    public bool? IsProtected { get; init; }

    public bool? Processed { get; init; }

    public string? CertificatePassword { get; init; }

    public string? UserEnvKey { get; init; }

    public JsonObject? ExposedMetaDatastore { get; init; }
}
