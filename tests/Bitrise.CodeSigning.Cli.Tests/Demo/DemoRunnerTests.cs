using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

public sealed class DemoRunnerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-runner-");

    public void Dispose() => _folder.Delete(recursive: true);

    // The writer stays open so that a test can print the summary after the run.
    private async Task<(DemoReporter Reporter, StringWriter Output)> RunAsync(FakeCodeSigningFiles files, SecretRedactor redactor)
    {
        var path = Path.Combine(_folder.FullName, "notes.txt");
        await File.WriteAllBytesAsync(path, [1, 2, 3], TestContext.Current.CancellationToken);
        var notesFile = new DemoFile(path, CodeSigningFileKind.GenericProjectFile, 3) { UserEnvKey = "NOTES_TXT" };

        var output = new StringWriter();
        var reporter = new DemoReporter(output);
        var runner = new DemoRunner(new CodeSigningFileOperations(files, "app"), reporter, redactor);

        await runner.RunAsync([notesFile], TestContext.Current.CancellationToken);

        return (reporter, output);
    }

    [Fact]
    public async Task FailedSteps_DoNotStopOthers()
    {
        var files = new FakeCodeSigningFiles { DownloadContent = [1, 2, 4] };

        var (reporter, output) = await RunAsync(files, new SecretRedactor());

        Assert.True(reporter.AnyFailed);
        var outcomes = reporter.Results.Select(result => (result.Step, result.Outcome)).ToArray();
        Assert.Equal(
            [
                ("upload", StepOutcome.Passed), ("list", StepOutcome.Passed), ("show", StepOutcome.Failed), ("download", StepOutcome.Failed),
                ("protect", StepOutcome.Failed), ("invalid-patch", StepOutcome.Passed), ("delete", StepOutcome.Passed),
            ],
            outcomes);
        Assert.Contains("NotSupportedException: The fake has no API client.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "The 3 downloaded bytes differ from the 3 local bytes: SHA-256 "
            + Convert.ToHexStringLower(SHA256.HashData((byte[])[1, 2, 4])) + " and " + Convert.ToHexStringLower(SHA256.HashData((byte[])[1, 2, 3])) + ".",
            output.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedUpload_SkipsRest()
    {
        var failure = new CodeSigningStorageException(
            CodeSigningStorageFailure.RequestFailed,
            "PUT http://127.0.0.1:9/bucket/notes.txt?X-Amz-Signature=abc123 failed for token secret-token-value.");
        var redactor = new SecretRedactor();
        redactor.Add("secret-token-value");

        var (reporter, output) = await RunAsync(new FakeCodeSigningFiles { UploadFailure = failure }, redactor);

        Assert.Equal(StepOutcome.Failed, reporter.Results[0].Outcome);
        Assert.All(reporter.Results.Skip(1), result => Assert.Equal(StepOutcome.Skipped, result.Outcome));
        Assert.Equal(7, reporter.Results.Count);
        Assert.Contains("http://127.0.0.1:9/bucket/notes.txt?[redacted] failed for token [redacted].", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_CountsOutcomes()
    {
        var (reporter, output) = await RunAsync(new FakeCodeSigningFiles { UploadFailure = new IOException("disk full") }, new SecretRedactor());

        reporter.WriteSummary();

        Assert.Contains("IOException: disk full", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Summary: 7 steps, 0 passed, 1 failed, 6 skipped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPatch_PassesWhenClientRejects()
    {
        var files = new FakeCodeSigningFiles();

        var (reporter, output) = await RunAsync(files, new SecretRedactor());

        var invalidPatch = Assert.Single(reporter.Results, result => result.Step == "invalid-patch");
        Assert.Equal(StepOutcome.Passed, invalidPatch.Outcome);
        Assert.Equal("client raised CodeSigningConstraintException: is_protected is true and cannot change to false (generic project file 'slug-1').", invalidPatch.Detail);
        Assert.Contains("    client raised CodeSigningConstraintException: is_protected is true", output.ToString(), StringComparison.Ordinal);
        var sent = Assert.Single(files.SentUpdates);
        Assert.True(sent.IsProtected.Value);
    }

    [Fact]
    public async Task InvalidPatch_FailsRunWhenClientSends()
    {
        var files = new FakeCodeSigningFiles { UpdateRules = FakeUpdateRules.NotChecked };

        var (reporter, _) = await RunAsync(files, new SecretRedactor());

        Assert.True(reporter.AnyFailed);
        var invalidPatch = Assert.Single(reporter.Results, result => result.Step == "invalid-patch");
        Assert.Equal(StepOutcome.Failed, invalidPatch.Outcome);
        Assert.Equal(
            "The update of is_protected from true to false returned without a CodeSigningConstraintException, so the client sent it.",
            invalidPatch.Detail);
        Assert.Equal(2, files.SentUpdates.Count);
        Assert.False(files.SentUpdates[1].IsProtected.Value);
    }

    [Fact]
    public async Task InvalidPatch_FailsWhenServiceRejects()
    {
        var files = new FakeCodeSigningFiles { UpdateRules = FakeUpdateRules.CheckedByService };

        var (reporter, _) = await RunAsync(files, new SecretRedactor());

        var invalidPatch = Assert.Single(reporter.Results, result => result.Step == "invalid-patch");
        Assert.Equal(StepOutcome.Failed, invalidPatch.Outcome);
        Assert.StartsWith("The client sent the update and the service rejected it: is_protected is true", invalidPatch.Detail, StringComparison.Ordinal);
        Assert.Equal(2, files.SentUpdates.Count);
    }
}
