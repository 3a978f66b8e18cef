using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>The update engine: the PATCH of a file's attributes, checked against the rules in <see cref="PatchRules"/> first.</summary>
internal sealed partial class CodeSigningFiles
{
    private async Task<TItem> UpdateAsync<TItem, TChange>(
        FileKindUpdate<TItem, TChange> update,
        string appSlug,
        string fileSlug,
        TChange change,
        TItem? current,
        CancellationToken cancellationToken)
        where TItem : class, IFileFlags
        where TChange : class, IFlagChange
    {
        var operations = update.Operations;
        ArgumentException.ThrowIfNullOrEmpty(appSlug);
        ArgumentException.ThrowIfNullOrEmpty(fileSlug);
        ArgumentNullException.ThrowIfNull(change);
        if (current?.Slug is { Length: > 0 } currentSlug && currentSlug != fileSlug)
        {
            throw new ArgumentException(
                $"The 'current' {operations.DisplayName} is '{currentSlug}', not '{fileSlug}'. Pass the state of the file you update, or null to read it.",
                nameof(current));
        }

        IFileFlags state = current is not null && PatchRules.HasAllFlags(current)
            ? current
            : await ShowFlagsAsync(operations, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
        var violations = PatchRules.Check(state, change);
        if (violations.Count > 0)
        {
            Log.UpdateRejectedBeforeSending(_logger, operations.Kind, appSlug, fileSlug, violations.Count);
            throw PatchRules.RejectedBeforeSending(operations, appSlug, fileSlug, violations);
        }

        TItem? updated;
        try
        {
            updated = await update.UpdateAsync(Api, appSlug, fileSlug, change, cancellationToken).ConfigureAwait(false);
        }
        catch (CodeSigningApiException exception) when (PatchRules.IsRuleRejection(exception, change))
        {
            Log.UpdateRejectedByService(_logger, operations.Kind, appSlug, fileSlug);
            var stateAfter = await TryShowFlagsAsync(operations, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
            throw PatchRules.RejectedByService(operations, appSlug, fileSlug, change, stateAfter, exception);
        }

        Log.FileUpdated(_logger, operations.Kind, appSlug, fileSlug);
        return updated ?? throw MissingField(operations, "update", appSlug, "data");
    }

    private async Task<IFileFlags> ShowFlagsAsync(FileKindOperations operations, string appSlug, string fileSlug, CancellationToken cancellationToken)
    {
        var shown = await operations.ShowAsync(Api, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
        return shown as IFileFlags ?? throw MissingField(operations, "show", appSlug, "data");
    }

    /// <summary>Reads the state after the service rejected a PATCH, or returns null when that fails, because the rejection is the error to report.</summary>
    private async Task<IFileFlags?> TryShowFlagsAsync(FileKindOperations operations, string appSlug, string fileSlug, CancellationToken cancellationToken)
    {
        try
        {
            return await ShowFlagsAsync(operations, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.UpdateStateNotRead(_logger, exception, operations.Kind, appSlug, fileSlug);
            return null;
        }
    }
}
