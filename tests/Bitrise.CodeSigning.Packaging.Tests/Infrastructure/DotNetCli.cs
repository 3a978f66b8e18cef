using System;
using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Packaging.Tests.Infrastructure;

/// <summary>The result of one <c>dotnet</c> command: its command line, exit code and interleaved output.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>Describes the run for an assertion message, with the whole output so that a failure explains itself.</summary>
    public string Describe() => $"'{CommandLine}' exited with {ExitCode}. Output:{Environment.NewLine}{Output}";
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a time limit.</summary>
internal static class DotNetCli
{
    /// <summary>
    /// Runs <c>dotnet</c> with the arguments in the folder and returns when it exits. Variables that a parent
    /// MSBuild sets (<c>MSBuildExtensionsPath</c>, <c>MSBUILD_EXE_PATH</c> and the like) are removed, so the child
    /// resolves its SDK on its own, and node reuse is off so that no build process outlives the test.
    /// </summary>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; it was killed.</exception>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotNetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("MSBUILD_", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var commandLine = $"dotnet {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{commandLine}' in '{workingDirectory}' did not finish within {timeout.TotalSeconds:0} s and was killed. Output so far:{Environment.NewLine}{Snapshot(output)}");
        }

        // The parameterless wait also waits for the redirected output to be read to its end.
        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
    }

    /// <summary>The <c>dotnet</c> that runs this test when a parent CLI set <c>DOTNET_HOST_PATH</c>, otherwise the one on PATH.</summary>
    private static string DotNetPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath ? hostPath : "dotnet";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
