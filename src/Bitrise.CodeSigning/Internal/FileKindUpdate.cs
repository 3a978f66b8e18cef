using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The generated update (PATCH) operation of one kind of file, which the kind-independent update engine in
/// <see cref="CodeSigningFiles"/> calls after checking the change. Android keystore files have no update operation.
/// </summary>
internal sealed class FileKindUpdate<TItem, TChange>
    where TItem : class, IFileFlags
    where TChange : class, IFlagChange
{
    private readonly Func<ICodeSigningApiClient, string, string, TChange, CancellationToken, Task<TItem?>> _update;

    public FileKindUpdate(FileKindOperations<TItem> operations, Func<ICodeSigningApiClient, string, string, TChange, CancellationToken, Task<TItem?>> update)
    {
        Operations = operations;
        _update = update;
    }

    /// <summary>The kind's other operations, of which the engine uses show.</summary>
    public FileKindOperations<TItem> Operations { get; }

    public Task<TItem?> UpdateAsync(ICodeSigningApiClient api, string appSlug, string fileSlug, TChange change, CancellationToken cancellationToken)
        => _update(api, appSlug, fileSlug, change, cancellationToken);
}
