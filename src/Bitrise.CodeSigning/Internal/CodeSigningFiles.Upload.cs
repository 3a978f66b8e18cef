using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>The upload engine: the stages of an upload, and the delete of the created entry when a stage fails.</summary>
internal sealed partial class CodeSigningFiles
{
    /// <summary>
    /// The time the delete of a created entry may take after a failed or canceled upload. It has its own token because
    /// the caller's token may be the one that was canceled.
    /// </summary>
    internal static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Uploads <paramref name="source"/>, and when the PUT finds the presigned upload URL expired and the entry was
    /// deleted, starts once more from the create with a new URL. The text of <paramref name="password"/> is kept out of
    /// the exception and the log.
    /// </summary>
    private async Task<TItem> UploadAsync<TItem>(
        FileKindOperations<TItem> operations,
        string appSlug,
        UploadSource source,
        Func<CancellationToken, Task<ICreatedUpload?>> create,
        Func<string, CancellationToken, Task<TItem?>>? setPassword,
        string? password,
        CancellationToken cancellationToken)
        where TItem : class
    {
        ArgumentException.ThrowIfNullOrEmpty(appSlug);
        if (source.Length == 0 && !operations.AllowsEmptyFile)
        {
            throw new ArgumentException(
                $"The {operations.DisplayName} '{source.FileName}' is empty (0 bytes), and an empty file is never a valid {operations.DisplayName}. Choose the right file.",
                nameof(source));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var upload = new UploadRequest<TItem>(operations, appSlug, source, create, setPassword, password);
        try
        {
            return await UploadOnceAsync(upload, restarted: false, cancellationToken).ConfigureAwait(false);
        }
        catch (CodeSigningUploadException exception) when (UploadFailures.IsExpiredUploadUrl(exception) && exception.EntryDeleted && source.CanReplay)
        {
            Log.UploadRestarting(_logger, operations.Kind, appSlug, exception.FileSlug!);
            return await UploadOnceAsync(upload, restarted: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the stages of an upload: create, PUT, confirm, and the password PATCH when one is given. A failed stage
    /// deletes the entry the create made. A failed create that may have reached the API looks for the entry it made
    /// among the entries that the list before the create did not return.
    /// </summary>
    private async Task<TItem> UploadOnceAsync<TItem>(UploadRequest<TItem> upload, bool restarted, CancellationToken cancellationToken)
        where TItem : class
    {
        var (operations, appSlug, source, _, setPassword, password) = upload;
        var started = _timeProvider.GetTimestamp();
        var entriesBeforeCreate = await ListEntriesBeforeCreateAsync(operations, appSlug, source, cancellationToken).ConfigureAwait(false);
        var stage = UploadStage.Create;
        string? fileSlug = null;
        try
        {
            Log.UploadCreating(_logger, operations.Kind, appSlug, source.FileName, source.Length);
            var created = await upload.Create(cancellationToken).ConfigureAwait(false);
            fileSlug = string.IsNullOrEmpty(created?.Slug) ? null : created.Slug;
            var (slug, uploadUrl) = RequireCreated(operations, appSlug, created);

            stage = UploadStage.Put;
            Log.UploadSending(_logger, operations.Kind, appSlug, slug, source.Length, uploadUrl.Host, uploadUrl.Path);
            await _storage.PutAsync(uploadUrl, source, cancellationToken).ConfigureAwait(false);

            stage = UploadStage.Confirm;
            Log.UploadConfirming(_logger, operations.Kind, appSlug, slug);
            var item = await operations.ConfirmAsync(Api, appSlug, slug, cancellationToken).ConfigureAwait(false)
                ?? throw MissingField(operations, "confirm", appSlug, "data");

            if (setPassword is not null)
            {
                stage = UploadStage.SetPassword;
                Log.UploadSettingPassword(_logger, operations.Kind, appSlug, slug);
                item = await setPassword(slug, cancellationToken).ConfigureAwait(false)
                    ?? throw MissingField(operations, "certificate password PATCH", appSlug, "data");
            }

            Log.UploadCompleted(_logger, operations.Kind, appSlug, slug, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return item;
        }
        catch (Exception exception)
        {
            var canceled = cancellationToken.IsCancellationRequested;
            var cause = UploadFailures.WithoutPassword(exception, password);
            Log.UploadStageFailed(_logger, cause, operations.Kind, appSlug, fileSlug, stage, canceled);

            var lostEntry = LostEntrySearch.NotNeeded;
            if (fileSlug is null && stage == UploadStage.Create && (canceled || UploadFailures.MayHaveCreated(exception)))
            {
                (fileSlug, lostEntry) = await FindLostEntryAsync(operations, appSlug, source, entriesBeforeCreate).ConfigureAwait(false);
            }

            var entryDeleted = fileSlug is not null && await DeleteCreatedEntryAsync(operations, appSlug, fileSlug, stage).ConfigureAwait(false);
            if (canceled)
            {
                if (exception is OperationCanceledException)
                {
                    throw;
                }

                // A canceled token can also end a request with an IOException from the closed connection.
                throw new OperationCanceledException($"The upload of {operations.DisplayName} '{source.FileName}' to app '{appSlug}' was canceled.", cause, cancellationToken);
            }

            var outcome = new UploadOutcome(fileSlug, entryDeleted, lostEntry, restarted);
            throw UploadFailures.Create(operations, stage, appSlug, source.FileName, outcome, cause, password);
        }
    }

    /// <summary>
    /// Deletes the entry that a failed or canceled upload created, and returns whether that worked. Never throws: a
    /// failed delete is logged with the slug, so an operator can delete the entry by hand.
    /// </summary>
    /// <remarks>
    /// The API client's resilience pipeline retries the DELETE, which is idempotent; a 404 means an earlier attempt or
    /// someone else already deleted the entry.
    /// </remarks>
    private async Task<bool> DeleteCreatedEntryAsync(FileKindOperations operations, string appSlug, string fileSlug, UploadStage stage)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout, _timeProvider);
        try
        {
            await operations.DeleteAsync(Api, appSlug, fileSlug, timeout.Token).ConfigureAwait(false);
            Log.UploadEntryDeleted(_logger, operations.Kind, appSlug, fileSlug, stage);
            return true;
        }
        catch (CodeSigningApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            Log.UploadEntryDeleted(_logger, operations.Kind, appSlug, fileSlug, stage);
            return true;
        }
        catch (Exception exception)
        {
            Log.UploadEntryNotDeleted(_logger, exception, operations.Kind, appSlug, fileSlug, stage);
            return false;
        }
    }

    /// <summary>Returns the new entry's slug and the presigned upload URL of a create response.</summary>
    private static (string FileSlug, PresignedUrl UploadUrl) RequireCreated(FileKindOperations operations, string appSlug, ICreatedUpload? created)
    {
        if (created is null)
        {
            throw MissingField(operations, "create", appSlug, "data");
        }

        if (string.IsNullOrEmpty(created.Slug))
        {
            throw MissingField(operations, "create", appSlug, "data.slug");
        }

        if (string.IsNullOrEmpty(created.UploadUrl))
        {
            throw MissingField(operations, "create", appSlug, "data.upload_url");
        }

        return (created.Slug, PresignedUrl.Parse(created.UploadUrl, "upload_url"));
    }

    /// <summary>The arguments of an upload that stay the same when it starts again after an expired URL.</summary>
    private sealed record UploadRequest<TItem>(
        FileKindOperations<TItem> Operations,
        string AppSlug,
        UploadSource Source,
        Func<CancellationToken, Task<ICreatedUpload?>> Create,
        Func<string, CancellationToken, Task<TItem?>>? SetPassword,
        string? Password)
        where TItem : class;
}
