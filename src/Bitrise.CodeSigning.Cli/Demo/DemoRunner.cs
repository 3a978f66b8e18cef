using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Runs the file lifecycle for each demo file: upload, list, show, download (compared by length and SHA-256 with the
/// local file) and delete, reporting every step. Kinds with an update (PATCH) operation also get protect and
/// invalid-patch between download and delete. A failed step does not stop the others, but the steps after a
/// failed upload are skipped because they have no slug to work on.
/// </summary>
internal sealed class DemoRunner(CodeSigningFileOperations operations, DemoReporter reporter, SecretRedactor redactor)
{
    private static readonly string[] StepsWithoutUpdate = ["upload", "list", "show", "download", "delete"];

    private static readonly string[] StepsWithUpdate = ["upload", "list", "show", "download", "protect", "invalid-patch", "delete"];

    /// <summary>Returns the names of the steps that run for a file of <paramref name="kind"/>, in order.</summary>
    public static IReadOnlyList<string> StepNames(CodeSigningFileKind kind) =>
        CodeSigningFileOperations.SupportsUpdate(kind) ? StepsWithUpdate : StepsWithoutUpdate;

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
            foreach (var step in StepNames(file.Kind))
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

        // The invalid update runs even when protect failed, so that the output shows what the client did with it.
        if (CodeSigningFileOperations.SupportsUpdate(file.Kind))
        {
            await RunStepAsync(file, "protect", slug, () => ProtectAsync(file, slug, cancellationToken), cancellationToken);
            await RunStepAsync(file, "invalid-patch", slug, () => UnprotectAsync(file, slug, cancellationToken), cancellationToken);
        }

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

        if (shownFile.Slug != slug)
        {
            return new StepCheck(slug, shownFile.UploadFileSize, $"The show response is for the slug '{shownFile.Slug}'.");
        }

        var failure = CompareFields(file, shownFile);
        if (failure is not null || file.Kind != CodeSigningFileKind.BuildCertificate)
        {
            return new StepCheck(slug, shownFile.UploadFileSize, failure);
        }

        return CheckStoredPassword(file, shownFile);
    }

    // The show response of a build certificate contains the stored password. Only its presence is printed.
    private static StepCheck CheckStoredPassword(DemoFile file, RemoteFile shownFile)
    {
        var passwordGiven = !string.IsNullOrEmpty(file.CertificatePassword);
        if (passwordGiven && !shownFile.HasCertificatePassword)
        {
            return new StepCheck(shownFile.Slug, shownFile.UploadFileSize, "The show response has no certificate_password, but the upload set one.");
        }

        if (shownFile.CertificateCount == 0)
        {
            return new StepCheck(shownFile.Slug, shownFile.UploadFileSize, "The API read no certificate with a private key from the .p12 with the stored password.");
        }

        var note = passwordGiven
            ? $"certificate_password stored (redacted), {shownFile.CertificateCount} certificate(s) read with it"
            : $"no certificate_password: the .p12 has an empty password, {shownFile.CertificateCount} certificate(s) read";
        return new StepCheck(shownFile.Slug, shownFile.UploadFileSize, null, note);
    }

    // Both sides are hashed as they stream, so the memory used does not grow with the file.
    private async Task<StepCheck> DownloadAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        using var downloadHash = SHA256.Create();
        long length;
        await using (var hashingStream = new CryptoStream(Stream.Null, downloadHash, CryptoStreamMode.Write))
        {
            length = await operations.DownloadAsync(file.Kind, slug, hashingStream, cancellationToken);
        }

        byte[] localHash;
        long localLength;
        await using (var local = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            localHash = await SHA256.HashDataAsync(local, cancellationToken);
            localLength = local.Length;
        }

        if (length == localLength && CryptographicOperations.FixedTimeEquals(downloadHash.Hash, localHash))
        {
            return new StepCheck(slug, length, null);
        }

        return new StepCheck(
            slug,
            length,
            $"The {length} downloaded bytes differ from the {localLength} local bytes: SHA-256 {Convert.ToHexStringLower(downloadHash.Hash!)} "
            + $"and {Convert.ToHexStringLower(localHash)}.");
    }

    private async Task<StepCheck> ProtectAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        var updated = await operations.SetProtectedAsync(file.Kind, slug, isProtected: true, cancellationToken);
        if (updated.IsProtected != true)
        {
            return new StepCheck(slug, null, $"The update response has is_protected {FormatBoolean(updated.IsProtected)} after the update set it to true.");
        }

        var shownFile = await operations.ShowAsync(file.Kind, slug, cancellationToken);
        if (shownFile is null)
        {
            return new StepCheck(slug, null, "The show response after the update has no data.");
        }

        if (shownFile.IsProtected != true)
        {
            return new StepCheck(slug, null, $"The show response has is_protected {FormatBoolean(shownFile.IsProtected)} after the update set it to true.");
        }

        return shownFile.HasDownloadUrl
            ? new StepCheck(slug, null, "The show response of the protected file still has a download_url.")
            : new StepCheck(slug, null, null, "is_protected true, download_url absent");
    }

    // Passes only when the client rejects the update itself. An update that returns, or that the service rejects, fails.
    private async Task<StepCheck> UnprotectAsync(DemoFile file, string slug, CancellationToken cancellationToken)
    {
        try
        {
            await operations.SetProtectedAsync(file.Kind, slug, isProtected: false, cancellationToken);
        }
        catch (CodeSigningConstraintException exception) when (!exception.RejectedByService)
        {
            var expected = new CodeSigningConstraintViolation("is_protected", Current: true, Requested: false);
            return exception.Violations.Contains(expected)
                ? new StepCheck(slug, null, null, $"client raised CodeSigningConstraintException: {exception.Message}")
                : new StepCheck(slug, null, $"The client raised CodeSigningConstraintException, but not for is_protected from true to false: {exception.Message}");
        }
        catch (CodeSigningConstraintException exception)
        {
            return new StepCheck(slug, null, $"The client sent the update and the service rejected it: {exception.Message}");
        }

        return new StepCheck(slug, null, "The update of is_protected from true to false returned without a CodeSigningConstraintException, so the client sent it.");
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

    private static string FormatBoolean(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "absent",
    };

    private static string? CompareFields(DemoFile file, RemoteFile remote)
    {
        if (remote.UploadFileName != file.FileName)
        {
            return $"The API returned the file name '{remote.UploadFileName}' for '{file.FileName}'.";
        }

        if (remote.UploadFileSize != file.Length)
        {
            return $"The API returned the size {remote.UploadFileSize?.ToString() ?? "null"} for a file of {file.Length} bytes.";
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
            var detail = check.Failure ?? check.Note;
            detail = detail is null ? null : redactor.Redact(detail);
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

    /// <summary>What a step saw: <paramref name="Failure"/> fails it, and <paramref name="Note"/> is printed when it passes.</summary>
    private sealed record StepCheck(string? Slug, long? Size, string? Failure, string? Note = null);
}
