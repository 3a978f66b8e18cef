using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Cli.Tests.FileKindDetection;
using Bitrise.CodeSigning.Testing;

namespace Bitrise.CodeSigning.Cli.Tests.Commands;

public sealed class DemoFilesTests
{
    private static string Fixture(string relativePath) =>
        Path.Combine(RepositoryPaths.RequireShared("fixtures/signing"), relativePath);

    private static void AssertAllStepsPassed(CliRun run, CodeSigningFileKind kind, int fileCount)
    {
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var steps = DemoRunner.StepNames(kind);
        foreach (var step in steps)
        {
            Assert.Equal(fileCount, Regex.Matches(run.Output, $"^{FileKindNames.ToName(kind)} +{step} +passed ", RegexOptions.Multiline).Count);
        }

        var total = fileCount * steps.Count;
        Assert.Contains($"Summary: {total} steps, {total} passed, 0 failed, 0 skipped.", run.Output, StringComparison.Ordinal);
    }

    private static void AssertProtected(CliRun run, int fileCount)
    {
        Assert.Equal(fileCount, Regex.Matches(run.Output, "^    is_protected true, download_url absent\\r?$", RegexOptions.Multiline).Count);
        Assert.Equal(fileCount, Regex.Matches(run.Output, "^    client raised CodeSigningConstraintException: .*is_protected", RegexOptions.Multiline).Count);
    }

    [Fact]
    public async Task Profiles_PassTogether()
    {
        var profiles = Directory.GetFiles(RepositoryPaths.RequireShared("fixtures/signing/mobileprovision"))
            .Where(path => !Path.GetFileName(path).StartsWith("INVALID", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var run = await CliRun.RunAsync(["demo", "--files", .. profiles]);

        Assert.Equal(7, profiles.Length);
        AssertAllStepsPassed(run, CodeSigningFileKind.ProvisioningProfile, profiles.Length);
        AssertProtected(run, profiles.Length);
    }

    [Theory]
    [InlineData("p12/codemagic-certificate.p12", "123456")]
    [InlineData("p12/codemagic-certificate-no-password.p12", "")]
    [InlineData("p12/rcodesign-apple-codesign-testuser.p12", "password123")]
    [InlineData("p12/rcodesign-self-signed-rsa-apple-development.p12", "password")]
    public async Task Certificate_Passes(string relativePath, string password)
    {
        var run = await CliRun.RunAsync("demo", "--files", Fixture(relativePath), "--certificate-password", password);

        AssertAllStepsPassed(run, CodeSigningFileKind.BuildCertificate, 1);
        AssertProtected(run, 1);
        if (password.Length > 0)
        {
            // Not the whole field name: the redactor also removes a password such as "password" from "certificate_password".
            Assert.Matches(new Regex("^    certificate_.* stored \\(redacted\\), ", RegexOptions.Multiline), run.Output);
            Assert.DoesNotContain(password, run.AllText, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("    no certificate_password: the .p12 has an empty password, ", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeytoolKeystore_Passes()
    {
        var run = await CliRun.RunAsync(
            "demo", "--files", Fixture("p12/codemagic-keytool-rfc-cert-keystore.p12"),
            "--kind", "android-keystore", "--keystore-password", "password", "--keystore-alias", "alias1");

        AssertAllStepsPassed(run, CodeSigningFileKind.AndroidKeystoreFile, 1);
    }

    [Fact]
    public async Task JavaKeyStore_Passes()
    {
        var folder = Directory.CreateTempSubdirectory("cli-jks-");
        try
        {
            var path = Path.Combine(folder.FullName, "release.jks");
            await File.WriteAllBytesAsync(path, JavaKeyStoreBuilder.Build("changeit"), TestContext.Current.CancellationToken);

            var run = await CliRun.RunAsync("demo", "--files", path, "--keystore-password", "changeit");

            AssertAllStepsPassed(run, CodeSigningFileKind.AndroidKeystoreFile, 1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task JavaKeyStore_WrongPassword()
    {
        var folder = Directory.CreateTempSubdirectory("cli-jks-");
        try
        {
            var path = Path.Combine(folder.FullName, "release.jks");
            await File.WriteAllBytesAsync(path, JavaKeyStoreBuilder.Build("changeit"), TestContext.Current.CancellationToken);

            var run = await CliRun.RunAsync("demo", "--files", path, "--keystore-password", "wrong");

            Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
            Assert.Contains($"--keystore-password does not open the keystore '{path}'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TextP12_PassesAsGeneric()
    {
        var run = await CliRun.RunAsync("demo", "--files", Fixture("p12/INVALID-fastlane-match-text-test.p12"), "--kind", "generic-project-file");

        AssertAllStepsPassed(run, CodeSigningFileKind.GenericProjectFile, 1);
        AssertProtected(run, 1);
    }

    [Fact]
    public async Task TextP12_IsInvalidInput()
    {
        var path = Fixture("p12/INVALID-fastlane-match-text-test.p12");

        var run = await CliRun.RunAsync("demo", "--files", path);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"error: '{path}' has the extension .p12 but is not a PKCS#12 file.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--kind generic-project-file", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task EmptyProfile_IsInvalidInput()
    {
        var path = Fixture("mobileprovision/INVALID-fastlane-gym-empty-dummy.mobileprovision");

        var run = await CliRun.RunAsync("demo", "--files", path);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"error: '{path}' is empty (0 bytes)", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task WrongPassword_IsInvalidInput()
    {
        var path = Fixture("p12/rcodesign-apple-codesign-testuser.p12");

        var run = await CliRun.RunAsync("demo", "--files", path, "--certificate-password", "incorrect");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--certificate-password does not open the build certificate", run.Error, StringComparison.Ordinal);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("incorrect", run.AllText, StringComparison.Ordinal);
    }
}
