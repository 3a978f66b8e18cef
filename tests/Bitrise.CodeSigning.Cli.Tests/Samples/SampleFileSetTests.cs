using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Bitrise.CodeSigning.Cli.FileKindDetection;
using Bitrise.CodeSigning.Cli.Samples;

namespace Bitrise.CodeSigning.Cli.Tests.Samples;

public sealed class SampleFileSetTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-samples-");
    private readonly SampleFileSet _samples;

    public SampleFileSetTests()
    {
        _samples = SampleFileSet.Create(_folder.FullName);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Certificate_OpensWithPassword()
    {
        var certificates = X509CertificateLoader.LoadPkcs12Collection(File.ReadAllBytes(_samples.BuildCertificatePath), SampleCredentials.CertificatePassword);

        var certificate = Assert.Single(certificates);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(BuildCertificateSample.SubjectName, certificate.Subject);
    }

    [Fact]
    public void Certificate_RejectsOtherPasswords()
    {
        var content = File.ReadAllBytes(_samples.BuildCertificatePath);

        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12Collection(content, null));
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12Collection(content, "wrong"));
    }

    [Fact]
    public void Profile_IsSignedPropertyList()
    {
        var signedCms = new SignedCms();
        signedCms.Decode(File.ReadAllBytes(_samples.ProvisioningProfilePath));

        signedCms.CheckSignature(verifySignatureOnly: true);
        var propertyList = Encoding.UTF8.GetString(signedCms.ContentInfo.Content);
        Assert.StartsWith("<?xml", propertyList, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE plist", propertyList, StringComparison.Ordinal);
        Assert.Contains($"<string>{_samples.ProfileUuid.ToString("D").ToUpperInvariant()}</string>", propertyList, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_HasUsualKeys()
    {
        var signedCms = new SignedCms();
        signedCms.Decode(File.ReadAllBytes(_samples.ProvisioningProfilePath));
        var propertyList = Encoding.UTF8.GetString(signedCms.ContentInfo.Content);

        foreach (var key in new[] { "AppIDName", "ApplicationIdentifierPrefix", "CreationDate", "ExpirationDate", "Name", "TeamIdentifier", "UUID", "Entitlements", "DeveloperCertificates" })
        {
            Assert.Contains($"<key>{key}</key>", propertyList, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Profile_CarriesDeveloperCertificate()
    {
        var signedCms = new SignedCms();
        signedCms.Decode(File.ReadAllBytes(_samples.ProvisioningProfilePath));
        var propertyList = Encoding.UTF8.GetString(signedCms.ContentInfo.Content);
        var certificate = Assert.Single(X509CertificateLoader.LoadPkcs12Collection(File.ReadAllBytes(_samples.BuildCertificatePath), SampleCredentials.CertificatePassword));

        Assert.Contains($"<data>{Convert.ToBase64String(certificate.RawData)}</data>", propertyList, StringComparison.Ordinal);
    }

    [Fact]
    public void Keystore_HasAliasAsFriendlyName()
    {
        var content = File.ReadAllBytes(_samples.AndroidKeystorePath);

        var entry = Assert.Single(Pkcs12Inspector.ReadKeyEntries(content, SampleCredentials.KeystorePassword));
        Assert.Equal(SampleCredentials.KeystoreAlias, entry.Alias);
        Assert.True(Pkcs12Inspector.IsKeyPasswordCorrect(entry, SampleCredentials.KeyPassword));
    }

    [Fact]
    public void Keystore_OpensWithPasswordOnly()
    {
        var content = File.ReadAllBytes(_samples.AndroidKeystorePath);

        Assert.True(Pkcs12Inspector.IsPasswordCorrect(content, SampleCredentials.KeystorePassword));
        Assert.False(Pkcs12Inspector.IsPasswordCorrect(content, "wrong"));
        var certificate = Assert.Single(X509CertificateLoader.LoadPkcs12Collection(content, SampleCredentials.KeystorePassword));
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void Keystore_HasMacAndEncryptedSafe()
    {
        var info = Pkcs12Info.Decode(File.ReadAllBytes(_samples.AndroidKeystorePath), out _);

        Assert.Equal(Pkcs12IntegrityMode.Password, info.IntegrityMode);
        Assert.Contains(info.AuthenticatedSafe, safe => safe.ConfidentialityMode == Pkcs12ConfidentialityMode.Password);
    }

    [Fact]
    public void Set_DetectsAsFourKinds()
    {
        var kinds = new[] { _samples.ProvisioningProfilePath, _samples.BuildCertificatePath, _samples.AndroidKeystorePath, _samples.GenericProjectFilePath }
            .Select(path => FileKindDetector.Detect(path, FileContentSniffer.Sniff(File.ReadAllBytes(path)), requestedKind: null))
            .ToArray();

        Assert.Equal(
            [CodeSigningFileKind.ProvisioningProfile, CodeSigningFileKind.BuildCertificate, CodeSigningFileKind.AndroidKeystoreFile, CodeSigningFileKind.GenericProjectFile],
            kinds);
    }
}
