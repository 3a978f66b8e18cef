using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Bitrise.CodeSigning.Tests.Support;

/// <summary>
/// A WireMock.Net server on 127.0.0.1 standing in for the API, and the library registered against it through
/// <see cref="BitriseCodeSigningServiceCollectionExtensions.AddBitriseCodeSigning"/>, with retry delays of zero.
/// </summary>
internal sealed class MockApi : IDisposable
{
    public const string AccessToken = "test-token-7c1e9a42";

    private readonly ServiceProvider _services;

    private MockApi(WireMockServer server, ServiceProvider services, LogCollector logs)
    {
        Server = server;
        _services = services;
        Logs = logs;
    }

    public WireMockServer Server { get; }

    public LogCollector Logs { get; }

    /// <summary>Gets <c>http://127.0.0.1:{port}</c>: WireMock binds to localhost, and the tests address only 127.0.0.1.</summary>
    public string Origin => $"http://127.0.0.1:{Server.Port}";

    public ICodeSigningFiles Files => _services.GetRequiredService<ICodeSigningFiles>();

    public ICodeSigningApiClient Api => _services.GetRequiredService<ICodeSigningApiClient>();

    public IReadOnlyList<IRequestMessage> Requests => Server.LogEntries.Select(entry => entry.RequestMessage).ToList();

    public static MockApi Start(Action<BitriseCodeSigningOptions>? configure = null)
    {
        var server = WireMockServer.Start();
        var logs = new LogCollector();
        return new MockApi(server, CreateServices($"http://127.0.0.1:{server.Port}", logs, configure), logs);
    }

    /// <summary>
    /// Registers the library against the API at <paramref name="origin"/><c>/v0.1</c>, logging into <paramref name="logs"/>,
    /// with a storage retry delay of 10 ms; <paramref name="configure"/> changes the options further, and
    /// <paramref name="configureServices"/> adds registrations after the library's.
    /// </summary>
    public static ServiceProvider CreateServices(
        string origin,
        LogCollector logs,
        Action<BitriseCodeSigningOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBitriseCodeSigning(options =>
        {
            options.BaseAddress = new Uri($"{origin}/v0.1");
            options.AccessToken = AccessToken;
            options.StorageRetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.Zero);
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Responds to <paramref name="method"/> requests to <paramref name="path"/> with a JSON body.</summary>
    public void Respond(string method, string path, int status, string json)
        => Server
            .Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    /// <summary>Responds to <paramref name="method"/> requests to <paramref name="path"/> with the status and JSON body that <paramref name="respond"/> computes from each request.</summary>
    public void RespondWith(string method, string path, Func<IRequestMessage, (int Status, string Json)> respond)
        => Server
            .Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var (status, json) = respond(request);
                return new ResponseMessage
                {
                    StatusCode = status,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String },
                };
            }));

    /// <summary>Responds to every request with 200 and <c>{}</c>, which every response model accepts.</summary>
    public void RespondToAll()
        => Server
            .Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{}"));

    public void Dispose()
    {
        _services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}
