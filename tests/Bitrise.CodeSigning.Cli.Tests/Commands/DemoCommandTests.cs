using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Cli.Samples;
using Bitrise.CodeSigning.Emulator;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    private static readonly CodeSigningFileKind[] Kinds =
    [
        CodeSigningFileKind.ProvisioningProfile,
        CodeSigningFileKind.BuildCertificate,
        CodeSigningFileKind.AndroidKeystoreFile,
        CodeSigningFileKind.GenericProjectFile,
    ];

    private static readonly CodeSigningFileKind[] KindsWithUpdate =
    [
        CodeSigningFileKind.ProvisioningProfile,
        CodeSigningFileKind.BuildCertificate,
        CodeSigningFileKind.GenericProjectFile,
    ];

    // A step's row, followed by the detail line that the step printed.
    private static Regex StepWithDetail(CodeSigningFileKind kind, string step, string detailStart) =>
        new($"^{FileKindNames.ToName(kind)} +{step} +passed .*\\r?\\n    {Regex.Escape(detailStart)}", RegexOptions.Multiline);

    [Fact]
    public async Task Demo_PassesEveryStep()
    {
        var run = await CliRun.RunAsync("demo");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var kind in Kinds)
        {
            foreach (var step in DemoRunner.StepNames(kind))
            {
                Assert.Matches(new Regex($"^{FileKindNames.ToName(kind)} +{step} +passed ", RegexOptions.Multiline), run.Output);
            }
        }

        Assert.Contains("Summary: 26 steps, 26 passed, 0 failed, 0 skipped.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Demo_ProtectsKindsWithUpdate()
    {
        var run = await CliRun.RunAsync("demo");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var kind in KindsWithUpdate)
        {
            Assert.Matches(StepWithDetail(kind, "protect", "is_protected true, download_url absent"), run.Output);
            Assert.Matches(StepWithDetail(kind, "invalid-patch", "client raised CodeSigningConstraintException: "), run.Output);
        }

        Assert.DoesNotMatch(new Regex("^android-keystore +(protect|invalid-patch) ", RegexOptions.Multiline), run.Output);
    }

    [Fact]
    public async Task Demo_InvalidPatchNamesRule()
    {
        var run = await CliRun.RunAsync("demo");

        // The violation's text names the field, its current value and the requested value.
        var rule = new CodeSigningConstraintViolation("is_protected", Current: true, Requested: false).ToString();
        var details = Regex.Matches(run.Output, "^    client raised CodeSigningConstraintException: (.+)$", RegexOptions.Multiline);
        Assert.Equal(KindsWithUpdate.Length, details.Count);
        foreach (Match detail in details)
        {
            Assert.Contains(rule, detail.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_ShowsStoredCertificatePassword()
    {
        var run = await CliRun.RunAsync("demo");

        Assert.Matches(StepWithDetail(CodeSigningFileKind.BuildCertificate, "show", "certificate_password stored (redacted), 1 certificate(s) read with it"), run.Output);
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
        Assert.DoesNotContain(SampleCredentials.KeyPassword, run.AllText, StringComparison.Ordinal);
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
