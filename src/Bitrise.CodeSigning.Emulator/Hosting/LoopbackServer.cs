using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitrise.CodeSigning.Emulator.Hosting;

/// <summary>Builds and starts Kestrel web applications that listen on 127.0.0.1 at a port the system picks.</summary>
internal static class LoopbackServer
{
    /// <summary>
    /// Creates a bare web application: no configuration files, no environment variables such as
    /// <c>ASPNETCORE_URLS</c> and no console lifetime. The server's warnings and errors go to
    /// <paramref name="loggerFactory"/>, and without one nothing is logged.
    /// </summary>
    public static WebApplication Create(ILoggerFactory? loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<ILoggerFactory>(loggerFactory is null ? NullLoggerFactory.Instance : new ServerLoggerFactory(loggerFactory));

        // The default console lifetime would take over Ctrl+C in the process that hosts the emulator.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        return builder.Build();
    }

    /// <summary>Starts the application and returns the address it is bound to, such as http://127.0.0.1:41234/.</summary>
    public static async Task<Uri> StartAsync(WebApplication application, CancellationToken cancellationToken)
    {
        await application.StartAsync(cancellationToken);
        var addresses = application.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        var bound = new Uri(addresses.Addresses.Single());
        return new UriBuilder(Uri.UriSchemeHttp, IPAddress.Loopback.ToString(), bound.Port).Uri;
    }

    /// <summary>A host lifetime that leaves process signals to the host application.</summary>
    private sealed class EmbeddedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
