using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bitrise.CodeSigning.Cli.Samples;

/// <summary>Creates self-signed certificates with an RSA private key for the sample files.</summary>
internal static class SelfSignedCertificates
{
    /// <summary>
    /// Creates a certificate for <paramref name="subjectName"/> that is valid from a day ago for
    /// <paramref name="validity"/>, with the digital-signature key usage and the code-signing extended key usage.
    /// </summary>
    public static X509Certificate2 Create(string subjectName, TimeSpan validity)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.3", "Code Signing") }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        return request.CreateSelfSigned(notBefore, notBefore + validity);
    }
}
