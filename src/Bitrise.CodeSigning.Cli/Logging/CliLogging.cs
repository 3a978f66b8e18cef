using System.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitrise.CodeSigning.Cli.Logging;

/// <summary>Creates the logger factory that the library and the emulator log to.</summary>
internal static class CliLogging
{
    /// <summary>
    /// Returns a factory that writes debug-level logs to <paramref name="error"/> when <paramref name="verbose"/>
    /// is set, and a factory that drops every log otherwise.
    /// </summary>
    public static ILoggerFactory CreateFactory(bool verbose, TextWriter error)
    {
        if (!verbose)
        {
            return NullLoggerFactory.Instance;
        }

        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Debug);

            // HttpClientFactory's per-request logs and ASP.NET Core's request logs print whole URLs, and the query
            // string of a presigned URL is a credential. The library and the emulator log method, host and path.
            builder.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);

            // Polly's debug entries repeat the start and end of every request, and Polly logs retries from Information up.
            builder.AddFilter("Polly", LogLevel.Information);
            builder.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Information);

            builder.AddProvider(new TextWriterLoggerProvider(error));
        });
    }
}
