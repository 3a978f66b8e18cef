using System.CommandLine;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>The options every command accepts.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The <c>--verbose</c> flag.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Writes the library's and the emulator's logs, from debug level up, to standard error. "
            + "The logs never contain the access token, passwords or a presigned URL's query string.",
        Recursive = true,
    };
}
