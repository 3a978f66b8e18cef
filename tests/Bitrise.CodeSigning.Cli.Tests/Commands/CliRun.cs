using System.IO;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

/// <summary>The exit code and the text a run of the tool wrote to standard output and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output and standard error together.</summary>
    public string AllText => Output + Error;

    /// <summary>Runs the tool in this process with <paramref name="args"/>, until it ends or the test is canceled.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(args, output, error, TestContext.Current.CancellationToken);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
