using System;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The generated operations of one kind of file that the kind-independent engine in <see cref="CodeSigningFiles"/>
/// calls: show and delete here, list and confirm in <see cref="FileKindOperations{TItem}"/>.
/// </summary>
internal class FileKindOperations
{
    private readonly Func<ICodeSigningApiClient, string, string, CancellationToken, Task<IDownloadableFile?>> _show;
    private readonly Func<ICodeSigningApiClient, string, string, CancellationToken, Task> _delete;

    protected FileKindOperations(
        CodeSigningFileKind kind,
        string displayName,
        bool allowsEmptyFile,
        Func<ICodeSigningApiClient, string, string, CancellationToken, Task<IDownloadableFile?>> show,
        Func<ICodeSigningApiClient, string, string, CancellationToken, Task> delete)
    {
        Kind = kind;
        DisplayName = displayName;
        AllowsEmptyFile = allowsEmptyFile;
        _show = show;
        _delete = delete;
    }

    public CodeSigningFileKind Kind { get; }

    /// <summary>The kind in words for messages, for example "provisioning profile".</summary>
    public string DisplayName { get; }

    /// <summary>Whether a zero-length file is a valid upload of this kind.</summary>
    public bool AllowsEmptyFile { get; }

    /// <summary>Returns the operations of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static FileKindOperations For(CodeSigningFileKind kind) => kind switch
    {
        CodeSigningFileKind.ProvisioningProfile => FileKinds.ProvisioningProfile,
        CodeSigningFileKind.BuildCertificate => FileKinds.BuildCertificate,
        CodeSigningFileKind.GenericProjectFile => FileKinds.GenericProjectFile,
        CodeSigningFileKind.AndroidKeystoreFile => FileKinds.AndroidKeystoreFile,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"'{kind}' is not a {nameof(CodeSigningFileKind)}. Pass one of its named values."),
    };

    public Task<IDownloadableFile?> ShowAsync(ICodeSigningApiClient api, string appSlug, string fileSlug, CancellationToken cancellationToken)
        => _show(api, appSlug, fileSlug, cancellationToken);

    /// <summary>Deletes a file. A 2xx response whose body is not the expected JSON still counts as deleted.</summary>
    public async Task DeleteAsync(ICodeSigningApiClient api, string appSlug, string fileSlug, CancellationToken cancellationToken)
    {
        try
        {
            await _delete(api, appSlug, fileSlug, cancellationToken).ConfigureAwait(false);
        }
        catch (CodeSigningApiException exception) when (exception.GetType() == typeof(CodeSigningApiException) && (int?)exception.StatusCode is >= 200 and < 300)
        {
            // The 2xx status shows that the API deleted the file, and the library has no use for the body it could not read.
        }
    }
}

/// <summary>The generated operations of one kind of file whose confirmed and listed items are <typeparamref name="TItem"/>.</summary>
internal sealed class FileKindOperations<TItem> : FileKindOperations
    where TItem : class
{
    private readonly Func<ICodeSigningApiClient, string, string?, int?, CancellationToken, Task<IListPage<TItem>>> _list;
    private readonly Func<ICodeSigningApiClient, string, string, CancellationToken, Task<TItem?>> _confirm;

    public FileKindOperations(
        CodeSigningFileKind kind,
        string displayName,
        bool allowsEmptyFile,
        Func<ICodeSigningApiClient, string, string?, int?, CancellationToken, Task<IListPage<TItem>>> list,
        Func<ICodeSigningApiClient, string, string, CancellationToken, Task<IDownloadableFile?>> show,
        Func<ICodeSigningApiClient, string, string, CancellationToken, Task<TItem?>> confirm,
        Func<ICodeSigningApiClient, string, string, CancellationToken, Task> delete)
        : base(kind, displayName, allowsEmptyFile, show, delete)
    {
        _list = list;
        _confirm = confirm;
    }

    public Task<IListPage<TItem>> ListAsync(ICodeSigningApiClient api, string appSlug, string? next, int? limit, CancellationToken cancellationToken)
        => _list(api, appSlug, next, limit, cancellationToken);

    public Task<TItem?> ConfirmAsync(ICodeSigningApiClient api, string appSlug, string fileSlug, CancellationToken cancellationToken)
        => _confirm(api, appSlug, fileSlug, cancellationToken);
}
