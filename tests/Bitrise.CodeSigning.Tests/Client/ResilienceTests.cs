using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>Which API requests the standard resilience handler retries.</summary>
public sealed class ResilienceTests
{
    private const string App = "demo-app";

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Create_FailureIsSentOnce(int status)
    {
        using var mock = MockApi.Start();
        mock.Respond("POST", $"/v0.1/apps/{App}/build-certificates", status, """{"message":"try later"}""");

        var exception = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => mock.Api.BuildCertificateCreateAsync(App, new BuildCertificateUploadParams { UploadFileName = "c.p12", UploadFileSize = 1 }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Single(mock.Requests);
    }

    [Fact]
    public async Task Patch_FailureIsSentOnce()
    {
        using var mock = MockApi.Start();
        mock.Respond("PATCH", $"/v0.1/apps/{App}/provisioning-profiles/p1", 503, """{"message":"try later"}""");

        await Assert.ThrowsAsync<CodeSigningApiException>(
            () => mock.Api.ProvisioningProfileUpdateAsync(App, "p1", new ProvProfileDocumentUpdateParams { IsExpose = true }, TestContext.Current.CancellationToken));

        Assert.Single(mock.Requests);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task IdempotentRequest_RetriedAfter503(string method)
    {
        using var mock = MockApi.Start();
        var calls = 0;
        mock.RespondWith(method, $"/v0.1/apps/{App}/build-certificates/c1", _ => (Interlocked.Increment(ref calls) == 1 ? 503 : 200, """{"data":{"slug":"c1"}}"""));

        var slug = method == "GET"
            ? (await mock.Api.BuildCertificateShowAsync(App, "c1", TestContext.Current.CancellationToken)).Data?.Slug
            : (await mock.Api.BuildCertificateDeleteAsync(App, "c1", TestContext.Current.CancellationToken)).Data?.Slug;

        Assert.Equal("c1", slug);
        Assert.Equal(2, mock.Requests.Count);
    }

    [Fact]
    public async Task Show_JsonBodyOverLimit_FailsWithoutRetry()
    {
        using var mock = MockApi.Start();
        var padding = new string('x', 4 * 1024 * 1024);
        mock.Respond("GET", $"/v0.1/apps/{App}/build-certificates/c1", 200, $$$"""{"data":{"slug":"c1","upload_file_name":"{{{padding}}}"}}""");

        var exception = await Assert.ThrowsAsync<CodeSigningResponseException>(
            () => mock.Api.BuildCertificateShowAsync(App, "c1", TestContext.Current.CancellationToken));

        Assert.Equal(CodeSigningResponseFailure.InvalidResponse, exception.Failure);
        Assert.Contains("JSON body longer than 4 MiB", exception.Message, StringComparison.Ordinal);
        Assert.Single(mock.Requests);
    }
}
