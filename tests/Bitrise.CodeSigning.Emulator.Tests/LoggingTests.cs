using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_Lifecycle_ContainNoSecrets()
    {
        using var provider = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var options = new BitriseEmulatorOptions { AccessToken = "secret-token-value", LoggerFactory = loggerFactory };

        await using (var session = await EmulatorSession.StartAsync(options))
        {
            var file = await session.CreateProcessedAsync("android-keystore-files", [1, 2, 3]);
            var unsignedUrl = $"{session.Emulator.StorageBaseAddress}bitrise-emulator/apps/demo-app/android-keystore-files/{file["slug"]}/file.bin";
            using var rejected = await session.PutAsync(unsignedUrl, [1]);
        }

        var records = provider.Collector.GetSnapshot();
        Assert.Contains(records, record => record.Id.Id == 1 && record.Category == "Bitrise.CodeSigning.Emulator");
        Assert.Contains(records, record => record.Id.Id == 2);
        Assert.Contains(records, record => record.Id.Id == 5);
        Assert.DoesNotContain(records, record => record.Message.Contains("secret-token-value", StringComparison.Ordinal));
        Assert.DoesNotContain(records, record => record.Message.Contains("store-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(records, record => record.Message.Contains("X-Amz-Signature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_NoLoggerFactory_StartsQuietly()
    {
        await using var session = await EmulatorSession.StartAsync();

        var created = await session.CreateAsync("provisioning-profiles", 1);

        Assert.NotNull(created["slug"]);
        Assert.Null(new BitriseEmulatorOptions().LoggerFactory);
    }
}
