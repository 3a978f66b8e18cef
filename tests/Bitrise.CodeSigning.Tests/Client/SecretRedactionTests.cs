namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>
/// The redaction that the generated client and the library share, called directly with texts that a request
/// cannot produce exactly: a secret cut by a length limit at a chosen character, and the spans that it replaces.
/// </summary>
public sealed class SecretRedactionTests
{
    private const string Secret = "s3cr3t+T0ken/x=";

    [Theory]
    [InlineData("got s3cr3t+T0", "got [redacted]")]
    [InlineData("got s3cr3t+T0\u2026", "got [redacted]\u2026")]
    [InlineData(@"got s3cr3t\u002BT0", "got [redacted]")]
    [InlineData(@"got s3c\u00", "got [redacted]")]
    [InlineData(@"got s3c\", "got [redacted]")]
    [InlineData("got s3c", "got s3c")]
    public void CutText_RedactsStartOfSecret(string text, string expected)
    {
        Assert.Equal(expected, OpenApiJson.RedactSecrets(text, [Secret], cut: true));
    }

    [Fact]
    public void WholeText_KeepsStartOfSecret()
    {
        Assert.Equal("got s3cr3t+T0", OpenApiJson.RedactSecrets("got s3cr3t+T0", [Secret], cut: false));
    }

    [Theory]
    [InlineData(@"{""a"":""s3cr3t\u002bT0ken\/x="",""b"":""s3cr3t+T0ken/x=""}", @"{""a"":""[redacted]"",""b"":""[redacted]""}")]
    [InlineData(@"""{\""got\"":\""s3cr3t\\u002BT0ken\\/x=\""}""", @"""{\""got\"":\""[redacted]\""}""")]
    public void EscapedSecret_KeepsJsonValid(string text, string expected)
    {
        Assert.Equal(expected, OpenApiJson.RedactSecrets(text, [Secret], cut: false));
    }
}
