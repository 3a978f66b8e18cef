using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>Configures the library through dependency injection, as an application would.</summary>
internal static class CodeSigningServices
{
    /// <summary>
    /// Returns a service provider with the library registered against <paramref name="baseAddress"/> and logging to
    /// <paramref name="loggerFactory"/>. Dispose it before the logger factory.
    /// </summary>
    public static ServiceProvider Build(Uri baseAddress, string accessToken, ILoggerFactory loggerFactory)
    {
        var services = new ServiceCollection();

        // Registered before AddLogging, whose own ILoggerFactory registration only applies when none exists.
        services.AddSingleton(loggerFactory);
        services.AddLogging();

        services.AddBitriseCodeSigning(options =>
        {
            options.BaseAddress = baseAddress;
            options.AccessToken = accessToken;
        });

        return services.BuildServiceProvider();
    }
}
