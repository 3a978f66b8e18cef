using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The search for the entry of a create whose response was lost. The create (a POST) is never retried, because a
/// retry could make a second entry. When its request may have reached the API but no slug came back, the API may
/// still have made an unprocessed entry that no later step would confirm or delete.
/// </summary>
/// <remarks>
/// Another upload of the same file name and size that runs at the same moment also has an unprocessed entry, and
/// deleting it would break that upload. So every upload lists the app's files of its kind once before the create and
/// records the slugs of such entries, and the search after a lost create considers only the entries not among them. That costs one list request per upload (one per 50 files of the kind in the app),
/// even though most creates get their response. The alternative, searching only after a lost create, cannot tell an
/// entry of the lost create from an entry of another upload.
/// </remarks>
internal sealed partial class CodeSigningFiles
{
    /// <summary>
    /// Lists the slugs of the unprocessed entries with the source's file name and size before the create, so that the
    /// search after a lost create leaves them alone. Returns null when the list fails, which is logged; the upload
    /// goes on, and its search then deletes no entry.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller canceled the upload.</exception>
    private async Task<HashSet<string>?> ListEntriesBeforeCreateAsync<TItem>(FileKindOperations<TItem> operations, string appSlug, UploadSource source, CancellationToken cancellationToken)
        where TItem : class
    {
        try
        {
            return new HashSet<string>(await ListUnprocessedEntriesAsync(operations, appSlug, source, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.UploadEntriesBeforeCreateNotListed(_logger, exception, operations.Kind, appSlug, source.FileName);
            return null;
        }
    }

    /// <summary>
    /// Lists the kind's files of the app and returns the slug of the one unprocessed entry with the source's file name
    /// and size that is not in <paramref name="entriesBeforeCreate"/>, or null with the reason when there is none or
    /// more than one. Never throws: a failed search is logged.
    /// </summary>
    /// <remarks>
    /// <para>
    /// When <paramref name="entriesBeforeCreate"/> is null (its list failed), no entry is deleted, because any entry
    /// found may belong to another upload.
    /// </para>
    /// <para>
    /// NOTE: an entry that another upload of the same name and size creates between the list before the create and
    /// this search still counts as a candidate. When it is the only one, because the lost create made none, it is
    /// deleted and that upload fails at its confirm.
    /// </para>
    /// </remarks>
    private async Task<(string? FileSlug, LostEntrySearch Outcome)> FindLostEntryAsync<TItem>(FileKindOperations<TItem> operations, string appSlug, UploadSource source, IReadOnlySet<string>? entriesBeforeCreate)
        where TItem : class
    {
        Log.UploadSearchingLostEntry(_logger, operations.Kind, appSlug, source.FileName);
        using var timeout = new CancellationTokenSource(CleanupTimeout, _timeProvider);
        List<string> candidates;
        try
        {
            candidates = await ListUnprocessedEntriesAsync(operations, appSlug, source, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.UploadLostEntrySearchFailed(_logger, exception, operations.Kind, appSlug, source.FileName);
            return (null, LostEntrySearch.Failed);
        }

        if (entriesBeforeCreate is not null)
        {
            candidates.RemoveAll(entriesBeforeCreate.Contains);
        }

        var fileSlugs = string.Join(", ", candidates.Select(slug => $"'{slug}'"));
        if (candidates.Count == 0)
        {
            Log.UploadLostEntryNotFound(_logger, operations.Kind, appSlug, source.FileName);
            return (null, LostEntrySearch.NotFound);
        }

        if (entriesBeforeCreate is null)
        {
            Log.UploadLostEntryUnverified(_logger, operations.Kind, appSlug, source.FileName, candidates.Count, fileSlugs);
            return (null, LostEntrySearch.Unverified);
        }

        if (candidates.Count > 1)
        {
            Log.UploadLostEntryAmbiguous(_logger, operations.Kind, appSlug, source.FileName, candidates.Count, fileSlugs);
            return (null, LostEntrySearch.Ambiguous);
        }

        return (candidates[0], LostEntrySearch.Found);
    }

    /// <summary>Lists the kind's files of the app and returns the slugs of the unprocessed entries with the source's file name and size.</summary>
    private async Task<List<string>> ListUnprocessedEntriesAsync<TItem>(FileKindOperations<TItem> operations, string appSlug, UploadSource source, CancellationToken cancellationToken)
        where TItem : class
    {
        var slugs = new List<string>();
        await foreach (var item in List(operations, appSlug, pageSize: null, cancellationToken).ConfigureAwait(false))
        {
            if (item is IListedFile { Processed: not true, Slug: { Length: > 0 } slug } file
                && file.UploadFileName == source.FileName
                && file.UploadFileSize == source.Length)
            {
                slugs.Add(slug);
            }
        }

        return slugs;
    }
}

/// <summary>The result of the search for the entry of a create whose response was lost.</summary>
internal enum LostEntrySearch
{
    /// <summary>The create got a slug, or failed in a way that shows it made no entry, so there was no search.</summary>
    NotNeeded,

    /// <summary>The search found the one new unprocessed entry of that name and size.</summary>
    Found,

    /// <summary>The search found no new unprocessed entry of that name and size, so the create made none.</summary>
    NotFound,

    /// <summary>The search found two or more new such entries and deleted none.</summary>
    Ambiguous,

    /// <summary>
    /// The list before the create failed, so the search cannot tell the entry of the create from those of other
    /// uploads, and it found at least one such entry and deleted none.
    /// </summary>
    Unverified,

    /// <summary>The list requests of the search failed.</summary>
    Failed,
}

/// <summary>What became of the entry after a failed upload, for the message of <see cref="CodeSigningUploadException"/>.</summary>
/// <param name="FileSlug">The slug of the created entry, or null when there is none or it is unknown.</param>
/// <param name="EntryDeleted">Whether that entry was deleted.</param>
/// <param name="LostEntry">The result of the search for the entry of a create whose response was lost.</param>
/// <param name="Restarted">Whether this was the second try after an expired presigned upload URL.</param>
internal sealed record UploadOutcome(string? FileSlug, bool EntryDeleted, LostEntrySearch LostEntry, bool Restarted);
