using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>How failed API calls surface, and that the access token stays out of messages, logs and other hosts.</summary>
public sealed class ErrorTests
{
    private const string App = "demo-app";

    [Fact]
    public async Task NotFound_MapsToApiException()
    {
        using var mock = MockApi.Start();
        mock.Respond("GET", $"/v0.1/apps/{App}/build-certificates", 404, """{"message":"app not found"}""");

        var exception = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => mock.Api.BuildCertificateListAsync(App, "cursor-1", 10, TestContext.Current.CancellationToken));

        Assert.Equal("GET", exception.Method);
        Assert.Equal($"/v0.1/apps/{App}/build-certificates", exception.Path);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("app not found", exception.ServiceMessage);
        Assert.DoesNotContain("cursor-1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_NeverShowToken()
    {
        using var mock = MockApi.Start();
        mock.Respond("GET", $"/v0.1/apps/{App}/provisioning-profiles/p1", 401, """{"message":"unauthorized"}""");
        mock.Respond("POST", $"/v0.1/apps/{App}/build-certificates", 500, """{"message":"internal error"}""");
        var token = TestContext.Current.CancellationToken;

        var show = await Assert.ThrowsAsync<CodeSigningApiException>(
            () => mock.Files.DownloadAsync(CodeSigningFileKind.ProvisioningProfile, App, "p1", new System.IO.MemoryStream(), token));
        var create = await Assert.ThrowsAsync<CodeSigningUploadException>(
            () => mock.Files.UploadBuildCertificateAsync(App, UploadSource.FromStream(new System.IO.MemoryStream([1]), 1, "c.p12"), cancellationToken: token));

        Assert.DoesNotContain(MockApi.AccessToken, show.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(MockApi.AccessToken, create.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains(MockApi.AccessToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keystore_PasswordsNeverLogged()
    {
        using var mock = MockApi.Start();
        mock.Respond("POST", $"/v0.1/apps/{App}/android-keystore-files", 400, """{"message":"bad request"}""");
        var credentials = new AndroidKeystoreCredentials("alias1", "store-secret-1", "key-secret-2");

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(
            () => mock.Files.UploadAndroidKeystoreFileAsync(App, credentials, UploadSource.FromStream(new System.IO.MemoryStream([1]), 1, "k.p12"), TestContext.Current.CancellationToken));

        Assert.DoesNotContain("store-secret-1", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains("store-secret-1", StringComparison.Ordinal));
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains("key-secret-2", StringComparison.Ordinal));
        Assert.DoesNotContain("store-secret-1", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key-secret-2", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretScan_FindsSecretInInnerException()
    {
        var exception = new CodeSigningUploadException(
            "upload failed", UploadStage.Put, CodeSigningFileKind.BuildCertificate, App, "file-1", entryDeleted: true,
            new InvalidOperationException("PUT https://s3.example.test/key?X-Amz-Signature=abc failed"));

        Assert.ThrowsAny<Exception>(() => SecretScan.AssertClean(exception));
    }

    [Fact]
    public async Task ApiClient_WithholdsTokenFromOtherOrigin()
    {
        await using var other = new RawHttpServer(_ => (200, "application/json", "{}"));
        await using var api = new RawHttpServer(_ => (200, "application/json", "{}"));
        await using var services = MockApi.CreateServices(api.Origin, new LogCollector());
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(BitriseCodeSigningHttpClientNames.Api);

        using var otherResponse = await client.GetAsync(other.Origin + "/v0.1/apps", TestContext.Current.CancellationToken);
        using var apiResponse = await client.GetAsync(api.Origin + "/v0.1/apps", TestContext.Current.CancellationToken);

        Assert.False(Assert.Single(other.Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal(MockApi.AccessToken, Assert.Single(api.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task ApiClient_WithholdsTokenFromStorageAndThirdOrigin()
    {
        await using var storage = new RawHttpServer(_ => (200, "application/octet-stream", "bytes"));
        await using var third = new RawHttpServer(_ => (200, "application/json", "{}"));
        await using var api = new RawHttpServer(_ => (200, "application/json", "{}"));
        await using var services = MockApi.CreateServices(api.Origin, new LogCollector());
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(BitriseCodeSigningHttpClientNames.Api);

        foreach (var url in new[] { storage.Origin + "/bucket/key?X-Amz-Signature=1", third.Origin + "/v0.1/apps", api.Origin + "/v0.1/apps" })
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        }

        Assert.False(Assert.Single(storage.Requests).Headers.ContainsKey("Authorization"));
        Assert.False(Assert.Single(third.Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal(MockApi.AccessToken, Assert.Single(api.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task StorageClient_NeverSendsToken()
    {
        await using var api = new RawHttpServer(_ => (200, "application/json", "{}"));
        await using var services = MockApi.CreateServices(api.Origin, new LogCollector());
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(BitriseCodeSigningHttpClientNames.Storage);

        using var response = await client.GetAsync(api.Origin + "/bucket/key", TestContext.Current.CancellationToken);

        Assert.False(Assert.Single(api.Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, client.Timeout);
    }
}
