using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Bitrise.CodeSigning.Tests.Faults;

/// <summary>
/// Drives each operation through each fault of <see cref="FaultMatrix"/> against a fake API on 127.0.0.1, and checks
/// the outcome, the number of creates, that no unprocessed entry is left, that storage requests carry no token, and
/// that no log line or exception text contains a secret.
/// </summary>
public sealed class FaultMatrixTests
{
    /// <summary>The attempt timeout of both clients and the read timeout; short, so the timeout rows end quickly.</summary>
    internal static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the fake holds back the headers of a <see cref="Fault.Timeout"/> response: well past <see cref="ClientTimeout"/>.</summary>
    internal static readonly TimeSpan FaultDelay = TimeSpan.FromSeconds(8);

    /// <summary>The time after which the test fails instead of waiting for an operation that hangs.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private static readonly byte[] FileBytes = [0x30, 0x82, 0x01, 0x0a, 0x02, 0x01, 0x03, 0x30, 0x82, 0x01, 0x04];

    [Theory]
    [MemberData(nameof(FaultMatrix.Data), MemberType = typeof(FaultMatrix))]
    public async Task Operation_UnderFault_EndsAsExpected(FaultOperation operation, Fault fault, string expected)
    {
        await using var host = FaultHost.Start(fault, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        var seeded = host.Service.Seed("seeded.p12", FileBytes);
        host.Service.InjectOnce(RouteOf(operation), fault);

        var (outcome, exception) = await RunAsync(operation, files, seeded.Slug, host.Service);

        var hits = host.Service.Count(RouteOf(operation));
        Assert.Equal(expected, hits > 1 ? $"{outcome} after retry" : outcome);
        Assert.InRange(hits, 1, 2);
        if (operation is FaultOperation.UploadCreate or FaultOperation.UploadPut or FaultOperation.UploadConfirm)
        {
            Assert.Equal(1, host.Service.Count(FakeRoute.Create));
        }

        Assert.Empty(host.Service.Entries.Where(entry => !entry.Processed).Select(entry => entry.Slug));
        Assert.Equal(0, host.Service.StorageRequestsWithAuthorization);
        Assert.Empty(SecretScan.Find(logs.Messages.Append(exception?.ToString() ?? string.Empty)));
    }

    [Fact]
    public async Task StalledBody_CallerCancels_RaisesOperationCanceled()
    {
        await using var host = FaultHost.Start(Fault.StalledBody, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs, readTimeout: Timeout.InfiniteTimeSpan);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        var seeded = host.Service.Seed("seeded.p12", FileBytes);
        host.Service.InjectOnce(FakeRoute.Download, Fault.StalledBody);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(500));

        var download = files.DownloadAsync(CodeSigningFileKind.BuildCertificate, FakeCodeSigningService.App, seeded.Slug, new MemoryStream(), cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download.WaitAsync(HangLimit, TestContext.Current.CancellationToken));
        Assert.Equal(1, host.Service.Count(FakeRoute.Download));
    }

    [Fact]
    public async Task StalledListBody_CallerCancels_RaisesOperationCanceled()
    {
        await using var host = FaultHost.Start(Fault.StalledBody, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs, readTimeout: Timeout.InfiniteTimeSpan);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        host.Service.Seed("seeded.p12", FileBytes);
        host.Service.InjectOnce(FakeRoute.List, Fault.StalledBody);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(500));

        var list = files.ListBuildCertificatesAsync(FakeCodeSigningService.App, cancellationToken: cancellation.Token).ToListAsync(cancellation.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => list.WaitAsync(HangLimit, TestContext.Current.CancellationToken));
        Assert.Equal(1, host.Service.Count(FakeRoute.List));
    }

    [Fact]
    public async Task StalledListBody_ReadTimeoutTriggersRetry()
    {
        await using var host = FaultHost.Start(Fault.StalledBody, FaultDelay);
        var logs = new LogCollector();

        // The attempt timeout is longer than HangLimit, so only the read timeout can end the stalled attempt in time.
        await using var services = CreateServices(host.Origin, logs, attemptTimeout: HangLimit * 2);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        var seeded = host.Service.Seed("seeded.p12", FileBytes);
        host.Service.InjectOnce(FakeRoute.List, Fault.StalledBody);
        var token = TestContext.Current.CancellationToken;

        var items = await files.ListBuildCertificatesAsync(FakeCodeSigningService.App, cancellationToken: token).ToListAsync(token).AsTask().WaitAsync(HangLimit, token);

        Assert.Equal(seeded.Slug, Assert.Single(items).Slug);
        Assert.Equal(2, host.Service.Count(FakeRoute.List));
        Assert.Contains(logs.Messages, message => message.StartsWith("23 ", StringComparison.Ordinal) && message.Contains("TimedOut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpiredUploadUrl_StartsOverOnce()
    {
        await using var host = FaultHost.Start(Fault.ExpiredUrl, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        host.Service.InjectOnce(FakeRoute.Put, Fault.ExpiredUrl);

        var item = await UploadCertificateAsync(files);

        var entry = Assert.Single(host.Service.Entries);
        Assert.Equal(item.Slug, entry.Slug);
        Assert.True(entry.Processed);
        Assert.Equal(FileBytes, entry.Bytes);
        Assert.Equal(2, host.Service.Count(FakeRoute.Create));
        Assert.Equal(2, host.Service.Count(FakeRoute.Put));
        Assert.Equal(1, host.Service.Count(FakeRoute.Delete));
        Assert.Contains(logs.Messages, message => message.StartsWith("25 ", StringComparison.Ordinal));
        Assert.Empty(SecretScan.Find(logs.Messages));
    }

    [Fact]
    public async Task LostCreate_TwoCandidates_DeletesNone()
    {
        await using var host = FaultHost.Start(Fault.Timeout, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        FakeEntry? concurrent = null;
        host.Service.OnCreate = () => concurrent = host.Service.Seed("cert.p12", FileBytes, processed: false);
        host.Service.InjectOnce(FakeRoute.Create, Fault.Timeout);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadCertificateAsync(files));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.Null(exception.FileSlug);
        Assert.False(exception.EntryDeleted);
        Assert.Contains("several unprocessed build certificates named 'cert.p12'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Service.Entries.Count);
        Assert.NotNull(concurrent);
        Assert.Contains(host.Service.Entries, entry => entry.Slug == concurrent.Slug);
        Assert.Equal(0, host.Service.Count(FakeRoute.Delete));
        Assert.Equal(2, host.Service.Count(FakeRoute.List));
        Assert.Contains(logs.Messages, message => message.StartsWith("28 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LostCreate_StaleEntry_DeletesOnlyNew()
    {
        await using var host = FaultHost.Start(Fault.Timeout, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        var stale = host.Service.Seed("cert.p12", FileBytes, processed: false);
        host.Service.InjectOnce(FakeRoute.Create, Fault.Timeout);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadCertificateAsync(files));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.NotNull(exception.FileSlug);
        Assert.NotEqual(stale.Slug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        Assert.Equal(stale.Slug, Assert.Single(host.Service.Entries).Slug);
        Assert.Equal(1, host.Service.Count(FakeRoute.Delete));
        Assert.Equal(2, host.Service.Count(FakeRoute.List));
    }

    [Fact]
    public async Task LostCreate_DeletesEntryItMade()
    {
        await using var host = FaultHost.Start(Fault.ResetMidBody, FaultDelay);
        var logs = new LogCollector();
        await using var services = CreateServices(host.Origin, logs);
        var files = services.GetRequiredService<ICodeSigningFiles>();
        var other = host.Service.Seed("cert.p12", [1, 2, 3], processed: false);
        host.Service.InjectOnce(FakeRoute.Create, Fault.ResetMidBody);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadCertificateAsync(files));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.NotNull(exception.FileSlug);
        Assert.NotEqual(other.Slug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        Assert.Contains("the entry that the create made although its response was lost", exception.Message, StringComparison.Ordinal);
        Assert.Equal(other.Slug, Assert.Single(host.Service.Entries).Slug);
        Assert.Equal(1, host.Service.Count(FakeRoute.Create));
        Assert.Equal(2, host.Service.Count(FakeRoute.List));
    }

    internal static ServiceProvider CreateServices(string origin, LogCollector logs, TimeSpan? readTimeout = null, TimeSpan? attemptTimeout = null)
        => MockApi.CreateServices(
            origin,
            logs,
            options =>
            {
                options.StorageAttemptTimeout = ClientTimeout;
                options.StorageTotalTimeout = ClientTimeout * 10;
                options.ResponseReadTimeout = readTimeout ?? ClientTimeout;
            },
            services => services.ConfigureAll<HttpStandardResilienceOptions>(options =>
            {
                options.AttemptTimeout.Timeout = attemptTimeout ?? ClientTimeout;
                options.TotalRequestTimeout.Timeout = (attemptTimeout ?? ClientTimeout) * 10;
                options.CircuitBreaker.SamplingDuration = (attemptTimeout ?? ClientTimeout) * 10;
            }));

    private static FakeRoute RouteOf(FaultOperation operation) => operation switch
    {
        FaultOperation.UploadCreate => FakeRoute.Create,
        FaultOperation.UploadPut => FakeRoute.Put,
        FaultOperation.UploadConfirm => FakeRoute.Confirm,
        FaultOperation.Update => FakeRoute.Update,
        FaultOperation.DownloadShow => FakeRoute.Show,
        FaultOperation.DownloadGet => FakeRoute.Download,
        FaultOperation.List => FakeRoute.List,
        _ => FakeRoute.Delete,
    };

    /// <summary>Runs the operation and returns its outcome in the notation of <see cref="FaultMatrix"/>, and the exception it raised.</summary>
    private static async Task<(string Outcome, Exception? Exception)> RunAsync(FaultOperation operation, ICodeSigningFiles files, string seededSlug, FakeCodeSigningService service)
    {
        var token = TestContext.Current.CancellationToken;
        const string App = FakeCodeSigningService.App;
        try
        {
            var result = operation switch
            {
                FaultOperation.UploadCreate or FaultOperation.UploadPut or FaultOperation.UploadConfirm => await CheckUploadAsync(files, service),
                FaultOperation.Update => (await files.UpdateBuildCertificateAsync(App, seededSlug, new BuildCertificateUpdateParams { IsExpose = false }, cancellationToken: token).WaitAsync(HangLimit, token)).IsExpose == false,
                FaultOperation.DownloadShow or FaultOperation.DownloadGet => await CheckDownloadAsync(files, seededSlug),
                FaultOperation.List => (await files.ListBuildCertificatesAsync(App, cancellationToken: token).ToListAsync(token).AsTask().WaitAsync(HangLimit, token)).Single().Slug == seededSlug,
                _ => await CheckDeleteAsync(files, seededSlug, service),
            };
            return (result ? "success" : "success with a wrong result", null);
        }
        catch (TimeoutException exception)
        {
            return ($"no result within {HangLimit.TotalSeconds} s", exception);
        }
        catch (Exception exception)
        {
            return (Describe(exception), exception);
        }
    }

    /// <summary>Uploads <see cref="FileBytes"/> as <c>cert.p12</c> with the certificate password, failing the test after <see cref="HangLimit"/>.</summary>
    private static Task<BuildCertificateResponseItemModel> UploadCertificateAsync(ICodeSigningFiles files)
    {
        var token = TestContext.Current.CancellationToken;
        var source = UploadSource.FromStream(new MemoryStream(FileBytes), FileBytes.Length, "cert.p12");
        return files.UploadBuildCertificateAsync(FakeCodeSigningService.App, source, SecretScan.CertificatePassword, token).WaitAsync(HangLimit, token);
    }

    private static async Task<bool> CheckUploadAsync(ICodeSigningFiles files, FakeCodeSigningService service)
    {
        var item = await UploadCertificateAsync(files);
        var entry = service.Entries.Single(entry => entry.Slug == item.Slug);
        return entry.Processed && FileBytes.AsSpan().SequenceEqual(entry.Bytes);
    }

    private static async Task<bool> CheckDownloadAsync(ICodeSigningFiles files, string seededSlug)
    {
        var token = TestContext.Current.CancellationToken;
        var destination = new MemoryStream();
        await files.DownloadAsync(CodeSigningFileKind.BuildCertificate, FakeCodeSigningService.App, seededSlug, destination, token).WaitAsync(HangLimit, token);
        return FileBytes.AsSpan().SequenceEqual(destination.ToArray());
    }

    private static async Task<bool> CheckDeleteAsync(ICodeSigningFiles files, string seededSlug, FakeCodeSigningService service)
    {
        var token = TestContext.Current.CancellationToken;
        await files.DeleteAsync(CodeSigningFileKind.BuildCertificate, FakeCodeSigningService.App, seededSlug, token).WaitAsync(HangLimit, token);
        return service.Entries.All(entry => entry.Slug != seededSlug);
    }

    private static string Describe(Exception exception) => exception switch
    {
        CodeSigningUploadException upload => $"upload fails at {upload.Stage}: {Describe(upload.InnerException!)}",
        CodeSigningResponseException response => $"{nameof(CodeSigningResponseException)} {response.Failure}",
        CodeSigningStorageException { StatusCode: { } status } storage => $"{nameof(CodeSigningStorageException)} {storage.Failure} {(int)status}",
        CodeSigningStorageException storage => $"{nameof(CodeSigningStorageException)} {storage.Failure}",
        CodeSigningApiException api => $"{nameof(CodeSigningApiException)} {(int?)api.StatusCode}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
