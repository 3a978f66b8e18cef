using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>Runs a command's work and turns its exceptions into a one-line error and an exit code.</summary>
internal static class CommandActions
{
    /// <summary>Returns the exit code of <paramref name="run"/>, or the code for the exception it throws.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> run, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await run();
        }
        catch (InvalidInputException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Canceled.");
            return ExitCodes.Failure;
        }
        catch (Exception exception)
        {
            // The boundary of the tool: a user gets the failure in one line, never a stack trace. Steps of the demo
            // report their own failures, so this catches what fails around them, such as the emulator's start.
            await error.WriteLineAsync($"error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
