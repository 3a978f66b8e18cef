using System;
using System.IO;

namespace Bitrise.CodeSigning.Tests.Options;

/// <summary>The argument checks of <see cref="UploadSource.FromFile"/> and <see cref="AndroidKeystoreCredentials"/>.</summary>
public sealed class InputValidationTests
{
    private const string Secret = "store-secret-7c1e";

    public static TheoryData<string?, string?, string?, string> InvalidCredentials => new()
    {
        { null, Secret, Secret, "Alias" },
        { "", Secret, Secret, "Alias" },
        { "upload", null, Secret, "Password" },
        { "upload", "", Secret, "Password" },
        { "upload", Secret, null, "PrivateKeyPassword" },
        { "upload", Secret, "", "PrivateKeyPassword" },
    };

    [Fact]
    public void FromFile_Directory_SaysDirectory()
    {
        var folder = Directory.CreateTempSubdirectory("upload-source-");
        try
        {
            var exception = Assert.Throws<ArgumentException>(() => UploadSource.FromFile(folder.FullName));

            Assert.Equal("path", exception.ParamName);
            Assert.Contains($"'{folder.FullName}', is a directory", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Pass the path of a file", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("does not exist", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void FromFile_MissingFile_SaysMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-9d2a", "release.keystore");

        var exception = Assert.Throws<FileNotFoundException>(() => UploadSource.FromFile(path));

        Assert.Contains($"'{path}', does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_SymbolicLink_TakesTargetLength()
    {
        var folder = Directory.CreateTempSubdirectory("upload-source-");
        try
        {
            var target = Path.Combine(folder.FullName, "google-services.json");
            File.WriteAllBytes(target, new byte[1000]);
            var link = Path.Combine(folder.FullName, "linked.json");
            File.CreateSymbolicLink(link, target);

            var source = UploadSource.FromFile(link);

            Assert.Equal(1000, source.Length);
            Assert.Equal("linked.json", source.FileName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void FromFile_BrokenLink_NamesTarget()
    {
        var folder = Directory.CreateTempSubdirectory("upload-source-");
        try
        {
            var target = Path.Combine(folder.FullName, "deleted.json");
            var link = Path.Combine(folder.FullName, "linked.json");
            File.CreateSymbolicLink(link, target);

            var exception = Assert.Throws<FileNotFoundException>(() => UploadSource.FromFile(link));

            Assert.Contains($"is a symbolic link to '{target}', which does not exist", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCredentials))]
    public void Credentials_RejectMissingValue(string? alias, string? password, string? privateKeyPassword, string parameterName)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new AndroidKeystoreCredentials(alias!, password!, privateKeyPassword!));

        Assert.Equal(parameterName, exception.ParamName);
        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_WithEmptyPassword_Rejected()
    {
        var credentials = new AndroidKeystoreCredentials("upload", Secret, Secret);

        var exception = Assert.Throws<ArgumentException>(() => credentials with { Password = "" });

        Assert.Equal("Password", exception.ParamName);
    }

    [Fact]
    public void Credentials_ToString_RedactsPasswords()
    {
        var credentials = new AndroidKeystoreCredentials("upload", Secret, "key-secret-5b8f");

        var text = credentials.ToString();

        Assert.Equal("AndroidKeystoreCredentials { Alias = upload, Password = [redacted], PrivateKeyPassword = [redacted] }", text);
        Assert.Equal("upload", credentials.Alias);
        Assert.Equal(Secret, credentials.Password);
        Assert.Equal("key-secret-5b8f", credentials.PrivateKeyPassword);
    }
}
