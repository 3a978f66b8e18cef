using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Logging;
using Bitrise.CodeSigning.Emulator;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>The <c>emulator</c> command: serves the emulator until Ctrl+C or SIGTERM.</summary>
internal sealed class EmulatorCommand
{
    private readonly Option<string[]> _appSlugs = new("--app-slug")
    {
        Description = "Sets the app slugs the emulator knows. Requests for other apps get 404. Repeat the option for several apps. Default: demo-app.",
        AllowMultipleArgumentsPerToken = true,
        HelpName = "SLUG",
    };

    /// <summary>Creates the <c>emulator</c> command.</summary>
    public Command CreateCommand() => new(
        "emulator",
        "Serves the emulator of the Bitrise code-signing API and of its S3 storage on 127.0.0.1 until Ctrl+C or SIGTERM, "
        + "and prints the API base URL, the storage URL and the access token to configure a client with.")
    {
        Options = { _appSlugs },
    };

    /// <summary>Reads the app slugs from <paramref name="parseResult"/>.</summary>
    public string[] ReadAppSlugs(ParseResult parseResult) => parseResult.GetValue(_appSlugs) ?? [];

    /// <summary>Starts the emulator, prints its addresses and serves until <paramref name="cancellationToken"/> is canceled.</summary>
    /// <returns><see cref="ExitCodes.Success"/> once the emulator has stopped.</returns>
    public static async Task<int> RunAsync(string[] appSlugs, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggerFactory = CliLogging.CreateFactory(verbose, error);
        var options = new BitriseEmulatorOptions { LoggerFactory = loggerFactory };
        if (appSlugs.Length > 0)
        {
            options.AppSlugs.Clear();
            foreach (var appSlug in appSlugs)
            {
                options.AppSlugs.Add(appSlug);
            }
        }

        var emulator = await BitriseEmulator.StartAsync(options, cancellationToken);
        await using (emulator)
        {
            output.WriteLine("The Bitrise code-signing emulator is running on loopback only.");
            output.WriteLine($"API base URL:  {emulator.ApiBaseAddress}");
            output.WriteLine($"Storage URL:   {emulator.StorageBaseAddress}");
            output.WriteLine($"Access token:  {emulator.AccessToken}   (a fixed local test value that only this emulator accepts, not a Bitrise token)");
            output.WriteLine($"Apps:          {string.Join(", ", options.AppSlugs)}");
            output.WriteLine("Press Ctrl+C to stop.");
            output.Flush();

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                output.WriteLine("Stopping the emulator.");
            }
        }

        output.WriteLine("The emulator has stopped and deleted its uploaded files.");
        return ExitCodes.Success;
    }
}
