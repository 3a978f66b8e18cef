using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// A file the demo uploads, with its kind and the values its upload needs. The content is read once, before any
/// request, so that the download can be compared with it byte for byte.
/// </summary>
internal sealed record DemoFile(string Path, CodeSigningFileKind Kind, byte[] Content)
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
