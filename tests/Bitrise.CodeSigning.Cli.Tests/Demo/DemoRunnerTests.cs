using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;

namespace Bitrise.CodeSigning.Cli.Tests.Demo;

public sealed class DemoRunnerTests
{
    private static readonly DemoFile NotesFile = new("notes.txt", CodeSigningFileKind.GenericProjectFile, [1, 2, 3]) { UserEnvKey = "NOTES_TXT" };

    // The writer stays open so that a test can print the summary after the run.
    private static async Task<(DemoReporter Reporter, StringWriter Output)> RunAsync(FakeCodeSigningFiles files, SecretRedactor redactor)
    {
        var output = new StringWriter();
        var reporter = new DemoReporter(output);
        var runner = new DemoRunner(new CodeSigningFileOperations(files, "app"), reporter, redactor);

        await runner.RunAsync([NotesFile], TestContext.Current.CancellationToken);

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
            [("upload", StepOutcome.Passed), ("list", StepOutcome.Passed), ("show", StepOutcome.Failed), ("download", StepOutcome.Failed), ("delete", StepOutcome.Passed)],
            outcomes);
        Assert.Contains("NotSupportedException: The fake has no API client.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("The 3 downloaded bytes differ from the 3 local bytes from offset 2 on.", output.ToString(), StringComparison.Ordinal);
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
        Assert.Equal(5, reporter.Results.Count);
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
        Assert.Contains("Summary: 5 steps, 0 passed, 1 failed, 4 skipped.", output.ToString(), StringComparison.Ordinal);
    }
}
