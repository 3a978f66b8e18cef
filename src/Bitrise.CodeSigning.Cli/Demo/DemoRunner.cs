using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Runs the file lifecycle for each demo file: upload, list, show, download (compared byte for byte with the
/// local file) and delete, reporting every step. A failed step does not stop the others, but the steps after a
/// failed upload are skipped because they have no slug to work on.
/// </summary>
internal sealed class DemoRunner(CodeSigningFileOperations operations, DemoReporter reporter, SecretRedactor redactor)
{
    /// <summary>The step names, in the order they run.</summary>
    public static IReadOnlyList<string> StepNames { get; } = ["upload", "list", "show", "download", "delete"];

    /// <summary>Runs every step for each of <paramref name="files"/>, one file after the other.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task RunAsync(IReadOnlyList<DemoFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await RunFileAsync(file, cancellationToken);
        }
    }

    private async Task RunFileAsync(DemoFile file, CancellationToken cancellationToken)
    {
        var upload = await RunStepAsync(file, "upload", slug: null, () => UploadAsync(file, cancellationToken), cancellationToken);
        if (upload.Slug is not { } slug)
        {
            foreach (var step in StepNames)
            {
                if (step != "upload")
                {
                    reporter.Write(new StepResult(file.Kind, step, file.FileName, StepOutcome.Skipped, null, null, TimeSpan.Zero, "Skipped: the upload returned no slug."));
                }
            }

            return;
        }

        await RunStepAsync(file, "list", slug, () => FindInListAsync(file, slug, cancellationToken), cancellationToken);
        await RunStepAsync(file, "show", slug, () => ShowAsync(file, slug, cancellationToken), cancellationToken);
        await RunStepAsync(file, "download", slug, () => DownloadAsync(file, slug, cancellationToken), cancellationToken);
        await RunStepAsync(file, "delete", slug, () => DeleteAsync(file, slug, cancellationToken), cancellationToken);
    }

    private async Task<StepCheck> UploadAsync(DemoFile file, CancellationToken cancellationToken)
    {
        var uploaded = await operations.UploadAsync(file, cancellationToken);
        if (string.IsNullOrEmpty(uploaded.Slug))
        {
            return new StepCheck(null, uploaded.UploadFileSize, "The upload returned no slug.");
        }

        return new StepCheck(uploaded.Slug, uploaded.UploadFileSize, CompareFields(file, uploaded));
    }

    private async Task<StepCheck> FindInListAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in operations.ListAsync(file.Kind, cancellationToken))
        {
            count++;
            if (item.Slug == slug)
            {
                return new StepCheck(slug, item.UploadFileSize, CompareFields(file, item));
            }
        }

        return new StepCheck(slug, null, $"The list of {count} item(s) does not contain the uploaded file.");
    }

    private async Task<StepCheck> ShowAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        var shownFile = await operations.ShowAsync(file.Kind, slug, cancellationToken);
        if (shownFile is null)
        {
            return new StepCheck(slug, null, "The show response has no data.");
        }

        var failure = shownFile.Slug == slug ? CompareFields(file, shownFile) : $"The show response is for the slug '{shownFile.Slug}'.";
        if (failure is null && shownFile.CertificateCount == 0)
        {
            failure = "The API read no certificate with a private key from the .p12 with the stored password.";
        }

        return new StepCheck(slug, shownFile.UploadFileSize, failure);
    }

    private async Task<StepCheck> DownloadAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        using var downloaded = new MemoryStream();
        var length = await operations.DownloadAsync(file.Kind, slug, downloaded, cancellationToken);

        var bytes = downloaded.ToArray();
        if (bytes.AsSpan().SequenceEqual(file.Content))
        {
            return new StepCheck(slug, length, null);
        }

        var firstDifference = bytes.AsSpan().CommonPrefixLength(file.Content);
        return new StepCheck(slug, length, $"The {bytes.Length} downloaded bytes differ from the {file.Content.Length} local bytes from offset {firstDifference} on.");
    }

    private async Task<StepCheck> DeleteAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        await operations.DeleteAsync(file.Kind, slug, cancellationToken);

        await foreach (var item in operations.ListAsync(file.Kind, cancellationToken))
        {
            if (item.Slug == slug)
            {
                return new StepCheck(slug, null, "The file is still listed after the delete.");
            }
        }

        return new StepCheck(slug, null, null);
    }

    private static string? CompareFields(DemoFile file, RemoteFile remote)
    {
        if (remote.UploadFileName != file.FileName)
        {
            return $"The API returned the file name '{remote.UploadFileName}' for '{file.FileName}'.";
        }

        if (remote.UploadFileSize != file.Content.Length)
        {
            return $"The API returned the size {remote.UploadFileSize?.ToString() ?? "null"} for a file of {file.Content.Length} bytes.";
        }

        return null;
    }

    private async Task<StepResult> RunStepAsync(DemoFile file, string step, string? slug, Func<Task<StepCheck>> run, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        StepResult result;
        try
        {
            var check = await run();
            var outcome = check.Failure is null ? StepOutcome.Passed : StepOutcome.Failed;
            var detail = check.Failure is null ? null : redactor.Redact(check.Failure);
            result = new StepResult(file.Kind, step, file.FileName, outcome, check.Slug, check.Size, Stopwatch.GetElapsedTime(started), detail);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The demo reports every failure of a step, whatever its type, and goes on with the next step. Only the
            // user's cancellation ends it. The message goes through the redactor because it may quote a response.
            var detail = redactor.Redact($"{exception.GetType().Name}: {exception.Message}");
            result = new StepResult(file.Kind, step, file.FileName, StepOutcome.Failed, slug, null, Stopwatch.GetElapsedTime(started), detail);
        }

        reporter.Write(result);
        return result;
    }

    private sealed record StepCheck(string? Slug, long? Size, string? Failure);
}
