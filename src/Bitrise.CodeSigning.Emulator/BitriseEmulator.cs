using System;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator.Api;
using Bitrise.CodeSigning.Emulator.Hosting;
using Bitrise.CodeSigning.Emulator.State;
using Bitrise.CodeSigning.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitrise.CodeSigning.Emulator;

/// <summary>
/// An in-process stand-in for the code-signing part of the Bitrise API v0.1 and for the S3 presigned URLs it
/// hands out. It keeps apps and files in memory and uploaded bytes in a private temporary folder. It listens on
/// 127.0.0.1 only, with the API on one port and the storage server on another. So presigned URLs have a different
/// origin from the API, as in production.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await BitriseEmulator.StartAsync();
/// using var http = new HttpClient();
/// http.DefaultRequestHeaders.Add("Authorization", emulator.AccessToken);
/// var list = await http.GetStringAsync($"{emulator.ApiBaseAddress}/apps/demo-app/provisioning-profiles");
/// </code>
/// </example>
public sealed class BitriseEmulator : IAsyncDisposable
{
    private readonly WebApplication _api;
    private readonly WebApplication _storage;
    private readonly FileStore _store;
    private readonly BlobDirectory _blobs;
    private readonly ILogger _logger;
    private int _disposed;

    private BitriseEmulator(WebApplication api, WebApplication storage, FileStore store, BlobDirectory blobs, ILogger logger, Uri apiBaseAddress, Uri storageBaseAddress, string accessToken)
    {
        _api = api;
        _storage = storage;
        _store = store;
        _blobs = blobs;
        _logger = logger;
        ApiBaseAddress = apiBaseAddress;
        StorageBaseAddress = storageBaseAddress;
        AccessToken = accessToken;
    }

    /// <summary>The API's base address without a trailing slash, such as <c>http://127.0.0.1:41234/v0.1</c>.</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>The storage server that presigned URLs point to, such as <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri StorageBaseAddress { get; }

    /// <summary>The token that API requests must send in the <c>Authorization</c> header.</summary>
    public string AccessToken { get; }

    /// <summary>The temporary folder that contains the uploaded bytes until <see cref="DisposeAsync"/> deletes it.</summary>
    internal string BlobDirectoryPath => _blobs.Root;

    /// <summary>
    /// Starts the API and storage servers on free loopback ports.
    /// </summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults of <see cref="BitriseEmulatorOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the start and stops any server that already started.</param>
    /// <returns>The running emulator. Dispose it to stop both servers and delete the uploaded bytes.</returns>
    /// <exception cref="ArgumentException">An option is out of its documented range.</exception>
    /// <exception cref="System.IO.IOException">A server could not bind to a loopback port.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<BitriseEmulator> StartAsync(BitriseEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BitriseEmulatorOptions();
        Validate(options);

        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Bitrise.CodeSigning.Emulator");
        var store = new FileStore(options.AppSlugs);
        var blobs = new BlobDirectory();
        var signer = new PresignedUrlSigner(options.PresignedUrlLifetime, options.TimeProvider);
        WebApplication? storage = null;
        WebApplication? api = null;

        try
        {
            storage = LoopbackServer.Create(options.LoggerFactory);
            var storageHandler = new StorageRequestHandler(store, blobs, signer, options.MaxUploadBytes, logger);
            storage.Run(storageHandler.HandleAsync);
            var storageBaseAddress = await LoopbackServer.StartAsync(storage, cancellationToken);

            api = LoopbackServer.Create(options.LoggerFactory);
            var middleware = new ApiMiddleware(options.AccessToken, logger);
            api.Use(middleware.InvokeAsync);
            new ApiEndpoints(store, signer, storageBaseAddress, options.MaxPageItemLimit, options.MaxUploadBytes).Map(api);
            var apiOrigin = await LoopbackServer.StartAsync(api, cancellationToken);
            var apiBaseAddress = new Uri(apiOrigin, ApiEndpoints.BasePath);

            Log.EmulatorStarted(logger, apiBaseAddress, storageBaseAddress);
            return new BitriseEmulator(api, storage, store, blobs, logger, apiBaseAddress, storageBaseAddress, options.AccessToken);
        }
        catch
        {
            await StopAsync(api);
            await StopAsync(storage);
            blobs.Dispose();
            throw;
        }
    }

    /// <summary>Adds an app with no files, so requests for <paramref name="appSlug"/> no longer get 404.</summary>
    /// <exception cref="ArgumentException"><paramref name="appSlug"/> is null, empty or white space.</exception>
    /// <exception cref="ObjectDisposedException">The emulator was disposed.</exception>
    public void AddApp(string appSlug)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appSlug);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _store.AddApp(appSlug);
    }

    /// <summary>Stops both servers and deletes the uploaded bytes. Calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync(_api);
        await StopAsync(_storage);
        _blobs.Dispose();
        Log.EmulatorStopped(_logger, ApiBaseAddress);
    }

    private static async Task StopAsync(WebApplication? application)
    {
        if (application is null)
        {
            return;
        }

        await application.StopAsync(CancellationToken.None);
        await application.DisposeAsync();
    }

    private static void Validate(BitriseEmulatorOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccessToken, "options.AccessToken");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");

        if (options.PresignedUrlLifetime < TimeSpan.FromSeconds(1) || options.PresignedUrlLifetime > TimeSpan.FromDays(7))
        {
            throw new ArgumentException($"PresignedUrlLifetime must be from 1 second to 7 days, but it is {options.PresignedUrlLifetime}.", nameof(options));
        }

        if (options.MaxPageItemLimit < 1)
        {
            throw new ArgumentException($"MaxPageItemLimit must be at least 1, but it is {options.MaxPageItemLimit}.", nameof(options));
        }

        if (options.MaxUploadBytes < 0)
        {
            throw new ArgumentException($"MaxUploadBytes must not be negative, but it is {options.MaxUploadBytes}.", nameof(options));
        }

        foreach (var appSlug in options.AppSlugs)
        {
            if (string.IsNullOrWhiteSpace(appSlug))
            {
                throw new ArgumentException("AppSlugs must not contain a null, empty or white-space slug.", nameof(options));
            }
        }
    }
}
