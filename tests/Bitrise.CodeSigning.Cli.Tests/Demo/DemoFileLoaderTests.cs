using System;
using System.IO;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Testing;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

public sealed class DemoFileLoaderTests
{
    private static string Fixture(string relativePath) =>
        Path.Combine(RepositoryPaths.RequireShared("fixtures/signing"), relativePath);

    [Fact]
    public void MissingFile_NamesPathAndFix()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-4f1c", "profile.mobileprovision");

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(new DemoInputOptions([path])));

        Assert.Contains($"'{path}' does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--files", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_IsRejected()
    {
        var path = Path.GetTempPath();

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(new DemoInputOptions([path])));

        Assert.Contains("is a folder", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyProfile_IsRejected()
    {
        var path = Fixture("mobileprovision/INVALID-fastlane-gym-empty-dummy.mobileprovision");

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(new DemoInputOptions([path])));

        Assert.Contains($"'{path}' is empty (0 bytes)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextP12_IsRejected()
    {
        var path = Fixture("p12/INVALID-fastlane-match-text-test.p12");

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(new DemoInputOptions([path])));

        Assert.Contains("is not a PKCS#12 file", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--kind generic-project-file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextP12_LoadsAsGeneric()
    {
        var path = Fixture("p12/INVALID-fastlane-match-text-test.p12");

        var file = Assert.Single(DemoFileLoader.Load(new DemoInputOptions([path]) { Kind = CodeSigningFileKind.GenericProjectFile }));

        Assert.Equal(CodeSigningFileKind.GenericProjectFile, file.Kind);
        Assert.Equal("INVALID_FASTLANE_MATCH_TEXT_TEST_P12", file.UserEnvKey);
    }

    [Theory]
    [InlineData("p12/codemagic-certificate.p12", "123456")]
    [InlineData("p12/codemagic-certificate-no-password.p12", "")]
    [InlineData("p12/rcodesign-apple-codesign-testuser.p12", "password123")]
    [InlineData("p12/rcodesign-self-signed-rsa-apple-development.p12", "password")]
    public void Certificate_LoadsWithPassword(string relativePath, string password)
    {
        var file = Assert.Single(DemoFileLoader.Load(new DemoInputOptions([Fixture(relativePath)]) { CertificatePassword = password }));

        Assert.Equal(CodeSigningFileKind.BuildCertificate, file.Kind);
        Assert.Equal(new FileInfo(Fixture(relativePath)).Length, file.Length);
    }

    [Fact]
    public void WrongCertificatePassword_NamesOption()
    {
        var path = Fixture("p12/rcodesign-apple-codesign-testuser.p12");

        var exception = Assert.Throws<InvalidInputException>(
            () => DemoFileLoader.Load(new DemoInputOptions([path]) { CertificatePassword = "incorrect" }));

        Assert.Contains("--certificate-password does not open", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("incorrect", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCertificatePassword_SaysProtected()
    {
        var path = Fixture("p12/codemagic-certificate.p12");

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(new DemoInputOptions([path])));

        Assert.Contains("is password-protected", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--certificate-password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeytoolKeystore_NeedsAlias()
    {
        var path = Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12");
        var options = new DemoInputOptions([path]) { Kind = CodeSigningFileKind.AndroidKeystoreFile, KeystorePassword = "password" };

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(options));

        Assert.Contains("has 2 key entries (alias1, alias2)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--keystore-alias", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeytoolKeystore_LoadsWithAlias()
    {
        var path = Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12");
        var options = new DemoInputOptions([path]) { Kind = CodeSigningFileKind.AndroidKeystoreFile, KeystorePassword = "password", KeystoreAlias = "ALIAS2" };

        var file = Assert.Single(DemoFileLoader.Load(options));

        Assert.Equal(CodeSigningFileKind.AndroidKeystoreFile, file.Kind);
        Assert.Equal(new AndroidKeystoreCredentials("alias2", "password", "password"), file.KeystoreCredentials);
    }

    [Fact]
    public void UnknownAlias_ListsAliases()
    {
        var path = Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12");
        var options = new DemoInputOptions([path]) { Kind = CodeSigningFileKind.AndroidKeystoreFile, KeystorePassword = "password", KeystoreAlias = "upload" };

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(options));

        Assert.Contains("no key entry with the alias 'upload'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Pass one of its aliases: alias1, alias2.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKeystorePassword_NamesOption()
    {
        var path = Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12");
        var options = new DemoInputOptions([path]) { Kind = CodeSigningFileKind.AndroidKeystoreFile, KeystorePassword = "wrong", KeystoreAlias = "alias1" };

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(options));

        Assert.Contains("--keystore-password does not open the keystore", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKeyPassword_NamesOption()
    {
        var path = Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12");
        var options = new DemoInputOptions([path])
        {
            Kind = CodeSigningFileKind.AndroidKeystoreFile,
            KeystorePassword = "password",
            KeystoreAlias = "alias1",
            KeyPassword = "wrong",
        };

        var exception = Assert.Throws<InvalidInputException>(() => DemoFileLoader.Load(options));

        Assert.Contains("does not decrypt the key 'alias1'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--key-password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeystoreWithoutPassword_AsksForIt()
    {
        var path = Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12");

        var exception = Assert.Throws<InvalidInputException>(
            () => DemoFileLoader.Load(new DemoInputOptions([path]) { Kind = CodeSigningFileKind.AndroidKeystoreFile }));

        Assert.Contains("Pass it as --keystore-password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_LoadInOrder()
    {
        string[] paths =
        [
            Fixture("mobileprovision/fastlane-match-test.mobileprovision"),
            Fixture("mobileprovision/isign-test.mobileprovision"),
        ];

        var files = DemoFileLoader.Load(new DemoInputOptions(paths));

        Assert.Equal(2, files.Count);
        Assert.Equal(paths[0], files[0].Path);
        Assert.Equal(paths[1], files[1].Path);
        Assert.All(files, file => Assert.Equal(CodeSigningFileKind.ProvisioningProfile, file.Kind));
    }
}
