using System;
using System.Security.Cryptography.X509Certificates;

namespace Bitrise.CodeSigning.Cli.Samples;

/// <summary>
/// Makes a build certificate as Keychain Access exports one: a PKCS#12 file (.p12) with a certificate and its
/// private key, protected by a password.
/// </summary>
internal static class BuildCertificateSample
{
    /// <summary>The subject of the sample certificate, in the form Apple uses for distribution certificates.</summary>
    public const string SubjectName = "CN=Apple Distribution: Bitrise Demo (DEMO123456), OU=DEMO123456, O=Bitrise Demo, C=US";

    /// <summary>Creates a self-signed distribution certificate with its private key, valid for a year.</summary>
    public static X509Certificate2 CreateCertificate() => SelfSignedCertificates.Create(SubjectName, TimeSpan.FromDays(365));

    /// <summary>Returns the PKCS#12 bytes of <paramref name="certificate"/> and its private key.</summary>
    public static byte[] Export(X509Certificate2 certificate, string password) =>
        certificate.Export(X509ContentType.Pkcs12, password);
}
