using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task UnknownOption_IsUsageError()
    {
        var run = await CliRun.RunAsync("demo", "--frobnicate");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--frobnicate", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'bitrise-codesigning demo --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingCommand_IsUsageError()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Run 'bitrise-codesigning --help'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("bogus", "extra")]
    [InlineData("--verbose", "bogus")]
    public async Task UnknownCommand_PrintsOneErrorWithCommands(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        var errors = run.Error.Split('\n').Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal(["error: 'bogus' is not a command of bitrise-codesigning. Use demo or emulator."], errors.Select(line => line.TrimEnd('\r')));
        Assert.Contains("Run 'bitrise-codesigning --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRootOption_KeepsParserError()
    {
        var run = await CliRun.RunAsync("-x");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("'-x'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKind_IsUsageError()
    {
        var run = await CliRun.RunAsync("demo", "--files", "a.txt", "--kind", "certificate");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("certificate", run.Error, StringComparison.Ordinal);
        Assert.Contains("build-certificate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_NamesPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-7d2e", "Distribution.p12");

        var run = await CliRun.RunAsync("demo", "--files", path);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"error: The file '{path}' does not exist. Check the path passed to --files.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordWithoutFiles_IsUsageError()
    {
        var run = await CliRun.RunAsync("demo", "--keystore-password", "secret-value");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--keystore-password applies only to the files of --files", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootHelp_ListsCommands()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("demo", run.Output, StringComparison.Ordinal);
        Assert.Contains("emulator", run.Output, StringComparison.Ordinal);
        Assert.Contains("--verbose", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoHelp_ListsOptions()
    {
        var run = await CliRun.RunAsync("demo", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var option in new[] { "--files", "--kind", "--certificate-password", "--keystore-password", "--key-password", "--keystore-alias", "--env-key", "--keep-samples", "--verbose" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }
}
