using System;
using Bitrise.CodeSigning.Cli.Demo;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

public sealed class UserEnvKeysTests
{
    [Theory]
    [InlineData("google-services.json", "GOOGLE_SERVICES_JSON")]
    [InlineData("Secrets.xcconfig", "SECRETS_XCCONFIG")]
    [InlineData("1password.txt", "_1PASSWORD_TXT")]
    [InlineData("ünïcode.txt", "_N_CODE_TXT")]
    public void FromFileName_MakesVariableName(string fileName, string expected)
    {
        Assert.Equal(expected, UserEnvKeys.FromFileName(fileName));
    }

    [Fact]
    public void SameDerivedKey_GetsSuffix()
    {
        DemoFile[] files =
        [
            new("a/notes.txt", CodeSigningFileKind.GenericProjectFile, 1),
            new("b/notes.txt", CodeSigningFileKind.GenericProjectFile, 1),
        ];

        var assigned = UserEnvKeys.Assign(files, requestedKey: null);

        Assert.Equal("NOTES_TXT", assigned[0].UserEnvKey);
        Assert.Equal("NOTES_TXT_2", assigned[1].UserEnvKey);
    }

    [Fact]
    public void RequestedKey_OnlyForOneFile()
    {
        DemoFile[] files =
        [
            new("a.txt", CodeSigningFileKind.GenericProjectFile, 1),
            new("b.txt", CodeSigningFileKind.GenericProjectFile, 1),
        ];

        var exception = Assert.Throws<InvalidInputException>(() => UserEnvKeys.Assign(files, "MY_FILE"));

        Assert.Contains("--env-key 'MY_FILE' can name only one", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidRequestedKey_IsRejected()
    {
        DemoFile[] files = [new("a.txt", CodeSigningFileKind.GenericProjectFile, 1)];

        var exception = Assert.Throws<InvalidInputException>(() => UserEnvKeys.Assign(files, "MY-FILE"));

        Assert.Contains("'MY-FILE' given as --env-key is not a valid environment variable name", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherKinds_GetNoKey()
    {
        DemoFile[] files = [new("a.mobileprovision", CodeSigningFileKind.ProvisioningProfile, 1)];

        var assigned = UserEnvKeys.Assign(files, requestedKey: null);

        Assert.Null(assigned[0].UserEnvKey);
    }
}
