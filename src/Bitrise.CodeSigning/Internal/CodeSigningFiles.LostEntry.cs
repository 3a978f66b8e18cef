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
internal sealed partial class CodeSigningFiles
{
    /// <summary>
    /// Lists the kind's files of the app and returns the slug of the one unprocessed entry with the source's file name
    /// and size, or null with the reason when there is none or more than one. Never throws: a failed search is logged.
    /// </summary>
    /// <remarks>
    /// Another upload of the same file name and size that is running at the same moment also has an unprocessed
    /// entry. When there are two or more candidates, none is deleted, because the wrong one would break that upload.
    /// </remarks>
    private async Task<(string? FileSlug, LostEntrySearch Outcome)> FindLostEntryAsync<TItem>(FileKindOperations<TItem> operations, string appSlug, UploadSource source)
        where TItem : class
    {
        Log.UploadSearchingLostEntry(_logger, operations.Kind, appSlug, source.FileName);
        using var timeout = new CancellationTokenSource(CleanupTimeout, _timeProvider);
        var candidates = new List<string>();
        try
        {
            await foreach (var item in List(operations, appSlug, pageSize: null, timeout.Token).ConfigureAwait(false))
            {
                if (item is IListedFile { Processed: not true, Slug: { Length: > 0 } slug } file
                    && file.UploadFileName == source.FileName
                    && file.UploadFileSize == source.Length)
                {
                    candidates.Add(slug);
                }
            }
        }
        catch (Exception exception)
        {
            Log.UploadLostEntrySearchFailed(_logger, exception, operations.Kind, appSlug, source.FileName);
            return (null, LostEntrySearch.Failed);
        }

        switch (candidates.Count)
        {
            case 0:
                Log.UploadLostEntryNotFound(_logger, operations.Kind, appSlug, source.FileName);
                return (null, LostEntrySearch.NotFound);
            case 1:
                return (candidates[0], LostEntrySearch.Found);
            default:
                Log.UploadLostEntryAmbiguous(_logger, operations.Kind, appSlug, source.FileName, candidates.Count, string.Join(", ", candidates.Select(slug => $"'{slug}'")));
                return (null, LostEntrySearch.Ambiguous);
        }
    }
}

/// <summary>The result of the search for the entry of a create whose response was lost.</summary>
internal enum LostEntrySearch
{
    /// <summary>The create got a slug, or failed in a way that shows it made no entry, so there was no search.</summary>
    NotNeeded,

    /// <summary>The search found the one unprocessed entry of that name and size.</summary>
    Found,

    /// <summary>The search found no unprocessed entry of that name and size, so the create made none.</summary>
    NotFound,

    /// <summary>The search found two or more such entries and deleted none.</summary>
    Ambiguous,

    /// <summary>The list requests of the search failed.</summary>
    Failed,
}

/// <summary>What became of the entry after a failed upload, for the message of <see cref="CodeSigningUploadException"/>.</summary>
/// <param name="FileSlug">The slug of the created entry, or null when there is none or it is unknown.</param>
/// <param name="EntryDeleted">Whether that entry was deleted.</param>
/// <param name="LostEntry">The result of the search for the entry of a create whose response was lost.</param>
/// <param name="Restarted">Whether this was the second try after an expired presigned upload URL.</param>
internal sealed record UploadOutcome(string? FileSlug, bool EntryDeleted, LostEntrySearch LostEntry, bool Restarted);
