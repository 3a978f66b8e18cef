using System;
using System.Linq;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>The timeouts of the API client, changed through the <see cref="IHttpClientBuilder"/> that registration returns.</summary>
public sealed class TimeoutTests
{
    private const string App = "demo-app";

    [Fact]
    public async Task AttemptTimeout_SetThroughBuilder_RaisesTimedOut()
    {
        using var server = WireMockServer.Start();
        server
            .Given(Request.Create().UsingPost().WithPath($"/v0.1/apps/{App}/build-certificates"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{}").WithDelay(TimeSpan.FromSeconds(5)));
        var logs = new LogCollector();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        var api = services.AddBitriseCodeSigning(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/v0.1");
            options.AccessToken = MockApi.AccessToken;
        });
        api.Services.Configure<HttpStandardResilienceOptions>($"{api.Name}-standard", options => options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(300));
        await using var provider = services.BuildServiceProvider();

        var call = provider.GetRequiredService<ICodeSigningApiClient>()
            .BuildCertificateCreateAsync(App, new BuildCertificateUploadParams { UploadFileName = "c.p12", UploadFileSize = 1 }, TestContext.Current.CancellationToken);
        var exception = await Assert.ThrowsAsync<CodeSigningResponseException>(() => call.WaitAsync(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken));

        Assert.Equal(CodeSigningResponseFailure.TimedOut, exception.Failure);
        Assert.Null(exception.StatusCode);
        Assert.Equal("POST", exception.Method);
        Assert.Equal($"/v0.1/apps/{App}/build-certificates", exception.Path);
        Assert.Contains("within its timeout of 300 ms", exception.Message, StringComparison.Ordinal);
        Assert.Empty(SecretScan.Find(logs.Messages.Append(exception.ToString())));
    }

    [Fact]
    public async Task ConnectionRefused_RaisesNoResponse()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var logs = new LogCollector();
        await using var services = MockApi.CreateServices($"http://127.0.0.1:{port}", logs);
        var api = services.GetRequiredService<ICodeSigningApiClient>();

        var exception = await Assert.ThrowsAsync<CodeSigningResponseException>(
            () => api.BuildCertificateListAsync(App, null, null, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));

        Assert.Equal(CodeSigningResponseFailure.NoResponse, exception.Failure);
        Assert.Null(exception.StatusCode);
        Assert.Contains($"GET http://127.0.0.1:{port}/v0.1/apps/{App}/build-certificates got no response", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", exception.Message, StringComparison.Ordinal);
    }
}
