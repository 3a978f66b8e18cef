using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// A file the demo uploads, with its kind and the values its upload needs. The bytes stay on disk: the upload streams
/// them, and the download step hashes the file again to compare it.
/// </summary>
/// <param name="Path">The path as given, which may be a symbolic link to a regular file.</param>
/// <param name="Kind">The kind the file is uploaded as.</param>
/// <param name="Length">The length in bytes when the file was checked.</param>
internal sealed record DemoFile(string Path, CodeSigningFileKind Kind, long Length)
{
    /// <summary>The file name sent as <c>upload_file_name</c>.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The environment variable a generic project file is exposed as, set only for that kind.</summary>
    public string? UserEnvKey { get; init; }

    /// <summary>The password of a build certificate, checked against the file, set only for that kind.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>The alias and passwords of an Android keystore, set only for that kind.</summary>
    public AndroidKeystoreCredentials? KeystoreCredentials { get; init; }
}
