using System;
using System.Globalization;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator.State;
using Bitrise.CodeSigning.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bitrise.CodeSigning.Emulator.Api;

/// <summary>
/// Maps the 23 code-signing operations of the Bitrise API v0.1: list, create, show, delete and confirm for each of
/// the four kinds, and PATCH for all kinds but Android keystore files.
/// </summary>
internal sealed class ApiEndpoints
{
    public const string BasePath = "/v0.1";

    private readonly FileStore _store;
    private readonly PresignedUrlSigner _signer;
    private readonly Uri _storageOrigin;
    private readonly int _maxPageItemLimit;
    private readonly long _maxUploadBytes;

    public ApiEndpoints(FileStore store, PresignedUrlSigner signer, Uri storageOrigin, int maxPageItemLimit, long maxUploadBytes)
    {
        _store = store;
        _signer = signer;
        _storageOrigin = storageOrigin;
        _maxPageItemLimit = maxPageItemLimit;
        _maxUploadBytes = maxUploadBytes;
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        var apps = routes.MapGroup(BasePath + "/apps/{appSlug}");
        foreach (var kind in FileKinds.All)
        {
            var collection = "/" + kind.PathSegment();
            var item = collection + "/{fileSlug}";

            apps.MapGet(collection, (string appSlug, HttpRequest request) => List(appSlug, kind, request));
            apps.MapPost(collection, (string appSlug, HttpRequest request) => CreateAsync(appSlug, kind, request));
            apps.MapGet(item, (string appSlug, string fileSlug) => Show(appSlug, kind, fileSlug));
            apps.MapDelete(item, (string appSlug, string fileSlug) => ItemResults.Deleted(_store.Delete(appSlug, kind, fileSlug)));
            apps.MapPost(item + "/uploaded", (string appSlug, string fileSlug) => ItemResults.Item(_store.Confirm(appSlug, kind, fileSlug)));

            if (kind.SupportsUpdate())
            {
                apps.MapPatch(item, (string appSlug, string fileSlug, HttpRequest request) => UpdateAsync(appSlug, kind, fileSlug, request));
            }
        }
    }

    private IResult List(string appSlug, FileKind kind, HttpRequest request)
    {
        var limit = ParseLimit(request.Query["limit"].ToString());
        var next = request.Query["next"].ToString();
        var page = _store.List(appSlug, kind, next.Length == 0 ? null : next, limit);
        return ItemResults.Page(kind, page);
    }

    private async Task<IResult> CreateAsync(string appSlug, FileKind kind, HttpRequest request)
    {
        var body = await RequestBodyParser.ReadCreateAsync(request.Body, kind, _maxUploadBytes, request.HttpContext.RequestAborted);
        var file = _store.Create(appSlug, kind, body);
        return ItemResults.Item(file, StatusCodes.Status201Created, uploadUrl: _signer.CreateUploadUrl(_storageOrigin, file));
    }

    /// <summary>
    /// Returns a file, with a <c>download_url</c> only when it is processed and not protected, because a
    /// protected file cannot be downloaded through the API.
    /// </summary>
    private IResult Show(string appSlug, FileKind kind, string fileSlug)
    {
        var file = _store.Get(appSlug, kind, fileSlug);
        var downloadUrl = file.Processed && file.IsUploaded && !file.IsProtected ? _signer.CreateDownloadUrl(_storageOrigin, file) : null;
        return ItemResults.Item(file, downloadUrl: downloadUrl);
    }

    private async Task<IResult> UpdateAsync(string appSlug, FileKind kind, string fileSlug, HttpRequest request)
    {
        var body = await RequestBodyParser.ReadUpdateAsync(request.Body, kind, request.HttpContext.RequestAborted);
        return ItemResults.Item(_store.Update(appSlug, kind, fileSlug, body));
    }

    private int ParseLimit(string value)
    {
        if (value.Length == 0)
        {
            return _maxPageItemLimit;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= _maxPageItemLimit)
        {
            return limit;
        }

        throw ApiException.BadRequest($"Invalid limit '{value}'. It must be an integer from 1 to {_maxPageItemLimit}.");
    }
}
