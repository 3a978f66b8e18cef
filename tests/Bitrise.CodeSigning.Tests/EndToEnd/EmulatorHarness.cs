using System;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrise.CodeSigning.Tests.EndToEnd;

/// <summary>A started emulator and the library registered against it.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string App = "demo-app";

    private readonly ServiceProvider _services;

    private EmulatorHarness(BitriseEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
    }

    public BitriseEmulator Emulator { get; }

    public ICodeSigningFiles Files => _services.GetRequiredService<ICodeSigningFiles>();

    public static async Task<EmulatorHarness> StartAsync()
    {
        var emulator = await BitriseEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddBitriseCodeSigning(options =>
        {
            options.BaseAddress = emulator.ApiBaseAddress;
            options.AccessToken = emulator.AccessToken;
        });
        return new EmulatorHarness(emulator, services.BuildServiceProvider(validateScopes: true));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
