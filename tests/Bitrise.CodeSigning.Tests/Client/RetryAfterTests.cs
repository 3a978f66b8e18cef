using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>
/// The <c>Retry-After</c> header of 429 and 503 responses sets the delay before the retry, in seconds or as an HTTP
/// date. The pipelines run on a <see cref="FakeTimeProvider"/>, so the tests advance the clock instead of waiting.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Http.Resilience 10.11.0 turns a date into a delay against the system clock, not the injected
/// one: a date relative to the fake clock gave a delay of 0 ms. So the date cases send a date 8 s after the real now.
/// </remarks>
public sealed partial class RetryAfterTests
{
    private const string App = "demo-app";
    private const string ShowPath = $"/v0.1/apps/{App}/build-certificates/c1";

    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The real time a test waits for a step before it fails, so a retry that never comes cannot hang it.</summary>
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(429, "seconds")]
    [InlineData(503, "seconds")]
    [InlineData(429, "date")]
    [InlineData(503, "date")]
    public async Task Show_RetryAfter_DelaysRetry(int status, string form)
    {
        var clock = new FakeTimeProvider(Start);
        using var server = WireMockServer.Start();
        var calls = 0;
        server
            .Given(Request.Create().UsingGet().WithPath(ShowPath))
            .RespondWith(Response.Create().WithCallback(_ => Interlocked.Increment(ref calls) == 1
                ? Respond(status, """{"message":"slow down"}""", form == "seconds" ? "7" : DateTimeOffset.UtcNow.AddSeconds(8).ToString("R", CultureInfo.InvariantCulture))
                : Respond(200, """{"data":{"slug":"c1"}}""", retryAfter: null)));
        var logs = new LogCollector();
        await using var services = MockApi.CreateServices(
            $"http://127.0.0.1:{server.Port}",
            logs,
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var api = services.GetRequiredService<ICodeSigningApiClient>();

        var show = api.BuildCertificateShowAsync(App, "c1", TestContext.Current.CancellationToken);
        await WaitForAsync(() => logs.Messages.Any(message => message.StartsWith("24 ", StringComparison.Ordinal)));
        var elapsed = await AdvanceUntilAsync(clock, () => Volatile.Read(ref calls) >= 2);
        var shown = await show.WaitAsync(StepLimit, TestContext.Current.CancellationToken);

        Assert.Equal("c1", shown.Data?.Slug);
        Assert.Equal(2, Volatile.Read(ref calls));
        var retry = Assert.Single(logs.Messages, message => message.StartsWith("24 ", StringComparison.Ordinal));
        var delay = double.Parse(DelayPattern().Match(retry).Groups[1].Value, CultureInfo.InvariantCulture);
        // A date has whole seconds, and real time passes between sending it and reading it, so the delay of the date
        // cases is up to 8 s less that time.
        Assert.InRange(delay, form == "seconds" ? 7000 : 5000, form == "seconds" ? 7000 : 8000);
        Assert.InRange(elapsed.TotalMilliseconds, delay, delay + 1000);
    }

    [Fact]
    public async Task StorageGet_RetryAfter_DelaysRetry()
    {
        var clock = new FakeTimeProvider(Start);
        var calls = 0;
        await using var storage = new RawHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? Task.FromResult(new RawHttpResponse(503, "application/xml", "<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>"u8.ToArray(), new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "5" }))
            : Task.FromResult(new RawHttpResponse(200, "application/octet-stream", [1, 2, 3])));
        using var mock = MockApi.Start();
        var logs = new LogCollector();
        await using var services = MockApi.CreateServices(mock.Origin, logs, configureServices: services => services.AddSingleton<TimeProvider>(clock));
        mock.Respond("GET", $"/v0.1/apps/{App}/generic-project-files/g1", 200, $$$"""{"data":{"slug":"g1","download_url":"{{{storage.Origin}}}/bucket/g1?X-Amz-Signature={{{SecretScan.Signature}}}"}}""");
        var destination = new MemoryStream();

        var download = services.GetRequiredService<ICodeSigningFiles>().DownloadAsync(CodeSigningFileKind.GenericProjectFile, App, "g1", destination, TestContext.Current.CancellationToken);
        await WaitForAsync(() => logs.Messages.Any(message => message.StartsWith("24 ", StringComparison.Ordinal)));
        var elapsed = await AdvanceUntilAsync(clock, () => Volatile.Read(ref calls) >= 2);
        var length = await download.WaitAsync(StepLimit, TestContext.Current.CancellationToken);

        Assert.Equal(3, length);
        Assert.Equal(2, Volatile.Read(ref calls));
        Assert.Contains(logs.Messages, message => message.Contains("in 5000 ms (retry 1)", StringComparison.Ordinal));
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        Assert.Empty(SecretScan.Find(logs.Messages));
    }

    private static IResponseMessage Respond(int status, string json, string? retryAfter)
    {
        var headers = new System.Collections.Generic.Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
        if (retryAfter is not null)
        {
            headers["Retry-After"] = new(retryAfter);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String },
        };
    }

    [GeneratedRegex(@" in ([0-9.]+) ms \(retry 1\)")]
    private static partial Regex DelayPattern();

    /// <summary>Waits in real time until <paramref name="condition"/> holds, and fails the test after <see cref="StepLimit"/>.</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + StepLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The condition did not hold within {StepLimit.TotalSeconds} s.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Advances the fake clock in steps of 100 ms until <paramref name="condition"/> holds, and returns how far it went.
    /// The small steps catch the retry's timer whenever the pipeline creates it.
    /// </summary>
    private static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        var started = clock.GetUtcNow();
        var deadline = DateTime.UtcNow + StepLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"The retry did not come within {StepLimit.TotalSeconds} s.");
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        return clock.GetUtcNow() - started;
    }
}
