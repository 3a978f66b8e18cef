using System.IO;
using Bitrise.CodeSigning.Cli.FileKindDetection;

namespace Bitrise.CodeSigning.Cli.Tests.FileKindDetection;

public sealed class JavaKeyStoreInspectorTests
{
    private const string Password = "changeit";

    [Fact]
    public void Password_MatchesDigest()
    {
        var content = JavaKeyStoreBuilder.Build(Password);

        Assert.True(JavaKeyStoreInspector.IsPasswordCorrect(content, Password));
        Assert.False(JavaKeyStoreInspector.IsPasswordCorrect(content, "wrong"));
    }

    [Fact]
    public void KeyAliases_SkipCertificates()
    {
        var content = JavaKeyStoreBuilder.Build(Password);

        Assert.Equal(["upload"], JavaKeyStoreInspector.ReadKeyAliases(content));
    }

    [Fact]
    public void Truncated_IsInvalid()
    {
        var content = JavaKeyStoreBuilder.Build(Password)[..40];

        Assert.Throws<InvalidDataException>(() => JavaKeyStoreInspector.ReadKeyAliases(content));
    }
}
