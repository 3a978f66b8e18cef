using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Cli.Samples;
using Bitrise.CodeSigning.Emulator;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    private static readonly string[] Kinds = ["provisioning-profile", "build-certificate", "android-keystore", "generic-project-file"];

    [Fact]
    public async Task Demo_PassesEveryStep()
    {
        var run = await CliRun.RunAsync("demo");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var kind in Kinds)
        {
            foreach (var step in DemoRunner.StepNames)
            {
                Assert.Matches(new Regex($"^{kind} +{step} +passed ", RegexOptions.Multiline), run.Output);
            }
        }

        Assert.Contains("Summary: 20 steps, 20 passed, 0 failed, 0 skipped.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Demo_PrintsNoSecrets()
    {
        var run = await CliRun.RunAsync("demo", "--verbose");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Bitrise.CodeSigning", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(new BitriseEmulatorOptions().AccessToken, run.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleCredentials.CertificatePassword, run.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleCredentials.KeystorePassword, run.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", run.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Demo_DeletesSamples()
    {
        var run = await CliRun.RunAsync("demo");

        var folder = Regex.Match(run.Output, "^Sample files: (.+) \\(deleted", RegexOptions.Multiline).Groups[1].Value;
        Assert.NotEqual("", folder);
        Assert.False(System.IO.Directory.Exists(folder));
    }
}
