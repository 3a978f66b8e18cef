using System;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning.Cli.FileKindDetection;
using Bitrise.CodeSigning.Testing;

namespace Bitrise.CodeSigning.Cli.Tests.FileKindDetection;

public sealed class FileKindDetectorTests
{
    private static readonly (string RelativePath, FileContentFormat Format, CodeSigningFileKind? Kind)[] FixtureTable =
    [
        ("mobileprovision/bitrise-step-prov.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/codemagic-io-wildcard-development.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/fastlane-gym-AppStore_net.sunapps.9.watch.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/fastlane-match-AppStore_tools.fastlane.app.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/fastlane-match-test.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/isign-test.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/xamarin-macdev-29cbf4b4-a170-4c74-a29a-64ecd55b102e.mobileprovision", FileContentFormat.SignedPropertyList, CodeSigningFileKind.ProvisioningProfile),
        ("mobileprovision/INVALID-fastlane-gym-empty-dummy.mobileprovision", FileContentFormat.Empty, null),
        ("p12/codemagic-certificate.p12", FileContentFormat.Pkcs12, CodeSigningFileKind.BuildCertificate),
        ("p12/codemagic-certificate-no-password.p12", FileContentFormat.Pkcs12, CodeSigningFileKind.BuildCertificate),
        ("p12/rcodesign-apple-codesign-testuser.p12", FileContentFormat.Pkcs12, CodeSigningFileKind.BuildCertificate),
        ("p12/rcodesign-self-signed-rsa-apple-development.p12", FileContentFormat.Pkcs12, CodeSigningFileKind.BuildCertificate),

        // A keytool PKCS#12 keystore has the same format as a .p12 certificate, so its .p12 extension makes it one.
        ("p12/codemagic-keytool-rfc-cert-keystore.p12", FileContentFormat.Pkcs12, CodeSigningFileKind.BuildCertificate),
        ("p12/INVALID-fastlane-match-text-test.p12", FileContentFormat.Other, null),
    ];

    // The format travels as its name because FileContentFormat is internal and theory methods are public.
    public static TheoryData<string, string> FixtureFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var (relativePath, format, _) in FixtureTable)
        {
            data.Add(relativePath, format.ToString());
        }

        return data;
    }

    public static TheoryData<string, CodeSigningFileKind?> FixtureKinds()
    {
        var data = new TheoryData<string, CodeSigningFileKind?>();
        foreach (var (relativePath, _, kind) in FixtureTable)
        {
            data.Add(relativePath, kind);
        }

        return data;
    }

    [Fact]
    public void Table_CoversEveryFixture()
    {
        var folder = RepositoryPaths.RequireShared("fixtures/signing");

        var onDisk = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, FixtureTable.Select(row => row.RelativePath).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixtureFormats))]
    public void Fixture_HasFormat(string relativePath, string format)
    {
        var path = Path.Combine(RepositoryPaths.RequireShared("fixtures/signing"), relativePath);

        Assert.Equal(format, FileContentSniffer.Sniff(File.ReadAllBytes(path)).ToString());
    }

    [Theory]
    [MemberData(nameof(FixtureKinds))]
    public void Fixture_HasKind(string relativePath, CodeSigningFileKind? kind)
    {
        var path = Path.Combine(RepositoryPaths.RequireShared("fixtures/signing"), relativePath);
        var format = FileContentSniffer.Sniff(File.ReadAllBytes(path));

        if (kind is { } expected)
        {
            Assert.Equal(expected, FileKindDetector.Detect(path, format, requestedKind: null));
        }
        else
        {
            var exception = Assert.Throws<InvalidInputException>(() => FileKindDetector.Detect(path, format, requestedKind: null));
            Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("release.keystore", CodeSigningFileKind.AndroidKeystoreFile)]
    [InlineData("release.jks", CodeSigningFileKind.AndroidKeystoreFile)]
    [InlineData("Distribution.P12", CodeSigningFileKind.BuildCertificate)]
    [InlineData("Distribution.pfx", CodeSigningFileKind.BuildCertificate)]
    public void Pkcs12_UsesExtensionHint(string fileName, CodeSigningFileKind expected)
    {
        Assert.Equal(expected, FileKindDetector.Detect(fileName, FileContentFormat.Pkcs12, requestedKind: null));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("google-services.json")]
    [InlineData("no-extension")]
    public void OtherContent_IsGeneric(string fileName)
    {
        Assert.Equal(CodeSigningFileKind.GenericProjectFile, FileKindDetector.Detect(fileName, FileContentFormat.Other, requestedKind: null));
    }

    [Fact]
    public void JksMagic_IsKeystore()
    {
        byte[] content = [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2, 0, 0, 0, 0];

        var format = FileContentSniffer.Sniff(content);

        Assert.Equal(FileContentFormat.JavaKeyStore, format);
        Assert.Equal(CodeSigningFileKind.AndroidKeystoreFile, FileKindDetector.Detect("upload.bin", format, requestedKind: null));
    }

    [Fact]
    public void RequestedKind_MustFitContent()
    {
        var exception = Assert.Throws<InvalidInputException>(
            () => FileKindDetector.Detect("notes.txt", FileContentFormat.Other, CodeSigningFileKind.BuildCertificate));

        Assert.Contains("'notes.txt' is not a PKCS#12 file", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--kind auto", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestedGeneric_AcceptsAnyContent()
    {
        Assert.Equal(
            CodeSigningFileKind.GenericProjectFile,
            FileKindDetector.Detect("broken.p12", FileContentFormat.Other, CodeSigningFileKind.GenericProjectFile));
    }
}
