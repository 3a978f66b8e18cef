using System;
using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Bitrise.CodeSigning.Cli.FileKindDetection;

namespace Bitrise.CodeSigning.Cli.Samples;

/// <summary>
/// Makes an Android keystore in the layout that <c>keytool -genkeypair -storetype PKCS12</c> writes (JDK 12 and
/// later): the certificate in a password-encrypted safe, the private key in a shrouded key bag, both tagged with
/// the alias as friendly name, AES-256-CBC and HMAC-SHA256 throughout.
/// </summary>
internal static class AndroidKeystoreSample
{
    private const int Iterations = 10_000;

    /// <summary>Returns the PKCS#12 bytes of a keystore with one key entry named <paramref name="alias"/>.</summary>
    public static byte[] Create(string alias, string storePassword, string keyPassword)
    {
        using var certificate = SelfSignedCertificates.Create("CN=Bitrise Demo Upload Key, O=Bitrise Demo, C=US", TimeSpan.FromDays(25 * 365));
        using var privateKey = certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("The new self-signed certificate has no RSA private key.");

        var encryption = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations);
        var friendlyName = EncodeFriendlyName(alias);

        // keytool sets the local key ID to "Time " and the creation time in milliseconds, as ASCII.
        var localKeyId = new Pkcs9LocalKeyId(Encoding.ASCII.GetBytes(
            "Time " + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));

        var keySafe = new Pkcs12SafeContents();
        var keyBag = keySafe.AddShroudedKey(privateKey, keyPassword, encryption);
        keyBag.Attributes.Add(friendlyName);
        keyBag.Attributes.Add(localKeyId);

        var certificateSafe = new Pkcs12SafeContents();
        var certificateBag = certificateSafe.AddCertificate(certificate);
        certificateBag.Attributes.Add(friendlyName);
        certificateBag.Attributes.Add(localKeyId);

        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(certificateSafe, storePassword, encryption);
        builder.AddSafeContentsUnencrypted(keySafe);
        builder.SealWithMac(storePassword, HashAlgorithmName.SHA256, Iterations);

        return builder.Encode();
    }

    private static AsnEncodedData EncodeFriendlyName(string alias)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteCharacterString(UniversalTagNumber.BMPString, alias);
        return new AsnEncodedData(new Oid(Pkcs12Inspector.FriendlyNameOid), writer.Encode());
    }
}
