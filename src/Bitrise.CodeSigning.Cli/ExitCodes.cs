namespace Bitrise.CodeSigning.Cli;

/// <summary>The process exit codes of <c>bitrise-codesigning</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Every step passed.</summary>
    public const int Success = 0;

    /// <summary>A step failed: an API call, an upload or download, or a check on its result.</summary>
    public const int Failure = 1;

    /// <summary>The command line or an input file is invalid; nothing was sent.</summary>
    public const int InvalidInput = 2;
}
