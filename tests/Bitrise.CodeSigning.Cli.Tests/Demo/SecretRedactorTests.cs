using Bitrise.CodeSigning.Cli.Demo;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

public sealed class SecretRedactorTests
{
    [Fact]
    public void UrlQuery_IsRemoved()
    {
        var redactor = new SecretRedactor();

        var text = redactor.Redact("PUT http://127.0.0.1:5000/bucket/key?X-Amz-Signature=abc&X-Amz-Date=1 failed with 403.");

        Assert.Equal("PUT http://127.0.0.1:5000/bucket/key?[redacted] failed with 403.", text);
    }

    [Fact]
    public void Secrets_AreRemoved()
    {
        var redactor = new SecretRedactor();
        redactor.Add("token-1");
        redactor.Add("token-1-long");
        redactor.Add("");
        redactor.Add(null);

        var text = redactor.Redact("sent token-1-long and token-1");

        Assert.Equal("sent [redacted] and [redacted]", text);
    }
}
