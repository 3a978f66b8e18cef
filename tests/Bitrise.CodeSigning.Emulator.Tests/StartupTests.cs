using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task StartAsync_Defaults_BindsLoopbackOnDistinctPorts()
    {
        await using var emulator = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", emulator.ApiBaseAddress.Host);
        Assert.Equal("127.0.0.1", emulator.StorageBaseAddress.Host);
        Assert.NotEqual(0, emulator.ApiBaseAddress.Port);
        Assert.NotEqual(emulator.ApiBaseAddress.Port, emulator.StorageBaseAddress.Port);
    }

    [Fact]
    public async Task ApiBaseAddress_Default_HasNoTrailingSlash()
    {
        await using var emulator = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/v0.1", emulator.ApiBaseAddress.AbsolutePath);
        Assert.False(emulator.ApiBaseAddress.ToString().EndsWith('/'));
        Assert.Equal("/", emulator.StorageBaseAddress.AbsolutePath);
        Assert.Equal("emulator-token", emulator.AccessToken);
    }

    [Fact]
    public async Task StartAsync_TwoEmulators_UseDifferentPorts()
    {
        await using var first = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var second = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(first.ApiBaseAddress.Port, second.ApiBaseAddress.Port);
        Assert.NotEqual(first.StorageBaseAddress.Port, second.StorageBaseAddress.Port);
    }

    [Fact]
    public async Task DisposeAsync_Running_StopsBothServers()
    {
        var emulator = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var api = emulator.ApiBaseAddress;
        var storage = emulator.StorageBaseAddress;

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(api, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(storage, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DisposeAsync_AfterUpload_DeletesTemporaryFiles()
    {
        var session = await EmulatorSession.StartAsync();
        await session.CreateProcessedAsync("provisioning-profiles", [1, 2, 3]);
        var folder = session.Emulator.BlobDirectoryPath;
        var filesBefore = Directory.GetFiles(folder).Length;

        await session.DisposeAsync();

        Assert.Equal(1, filesBefore);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task AddApp_AfterDispose_Throws()
    {
        var emulator = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await emulator.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => emulator.AddApp("other-app"));
    }

    [Fact]
    public async Task AddApp_NewSlug_MakesAppReachable()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var before = await session.Api.GetAsync(session.ApiUrl("apps/second-app/provisioning-profiles"), EmulatorSession.Cancellation);
        session.Emulator.AddApp("second-app");
        using var after = await session.Api.GetAsync(session.ApiUrl("apps/second-app/provisioning-profiles"), EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("App 'second-app' was not found.", await EmulatorSession.ReadMessageAsync(before));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    public static TheoryData<string, Action<BitriseEmulatorOptions>> InvalidOptions => new()
    {
        { "AccessToken", options => options.AccessToken = " " },
        { "PresignedUrlLifetime", options => options.PresignedUrlLifetime = TimeSpan.Zero },
        { "PresignedUrlLifetime", options => options.PresignedUrlLifetime = TimeSpan.FromDays(8) },
        { "MaxPageItemLimit", options => options.MaxPageItemLimit = 0 },
        { "MaxUploadBytes", options => options.MaxUploadBytes = -1 },
        { "AppSlugs", options => options.AppSlugs.Add("") },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task StartAsync_InvalidOption_ThrowsArgumentException(string optionName, Action<BitriseEmulatorOptions> change)
    {
        var options = new BitriseEmulatorOptions();
        change(options);

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => BitriseEmulator.StartAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains(optionName, exception.Message);
    }
}
