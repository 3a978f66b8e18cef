namespace Bitrise.CodeSigning.Cli.Samples;

/// <summary>
/// The fixed passwords and alias of the demo's sample files. They protect throw-away keys made for one run, so
/// they are constants, which lets tests check that the demo output never contains them.
/// </summary>
internal static class SampleCredentials
{
    /// <summary>The password of the sample build certificate (.p12).</summary>
    public const string CertificatePassword = "sample-certificate-pass-7Q2x";

    /// <summary>The password of the sample Android keystore.</summary>
    public const string KeystorePassword = "sample-keystore-pass-9Vb4";

    /// <summary>The password of the key entry in the sample Android keystore.</summary>
    public const string KeyPassword = KeystorePassword;

    /// <summary>The alias of the key entry in the sample Android keystore.</summary>
    public const string KeystoreAlias = "upload";
}
