using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Enumerates every item of a list operation by following its <c>paging.next</c> cursor.</summary>
internal static class Paging
{
    /// <summary>
    /// Requests the first page, then one page per <c>paging.next</c>, until <c>next</c> is absent or empty. A page is
    /// requested only when the caller has enumerated the items before it.
    /// </summary>
    /// <param name="fetchPage">Requests the page after the given cursor (<see langword="null"/> for the first) and returns its items and <c>next</c>.</param>
    /// <param name="listDescription">What is listed, for the message, for example "the build certificates of app 'x'".</param>
    /// <param name="cancellationToken">Cancels the enumeration; combined with the token passed to <c>WithCancellation</c>.</param>
    /// <exception cref="CodeSigningResponseException">A page returned a <c>next</c> that an earlier page had returned.</exception>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TItem>(
        Func<string?, CancellationToken, Task<(IReadOnlyList<TItem> Items, string? Next)>> fetchPage,
        string listDescription,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        while (true)
        {
            var (items, pageNext) = await fetchPage(next, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(pageNext))
            {
                yield break;
            }

            // A cursor seen before would request the same pages again, forever.
            if (!seenCursors.Add(pageNext))
            {
                throw new CodeSigningResponseException(
                    CodeSigningResponseFailure.InvalidResponse,
                    $"The API returned the paging cursor '{pageNext}' a second time while listing {listDescription}, after {seenCursors.Count + 1} pages. "
                    + "Listing stopped because following it would repeat the same pages forever; report this to the API's operator.",
                    method: null,
                    path: null);
            }

            next = pageNext;
        }
    }
}
