using System;
using System.IO;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Emulator.Storage;

/// <summary>
/// The S3 stand-in: accepts PUT to presigned upload URLs and serves GET on presigned download URLs, with the
/// status codes and XML errors that S3 sends for the same mistakes.
/// </summary>
internal sealed class StorageRequestHandler
{
    private const string AuthorizationConflictMessage =
        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified";

    private readonly FileStore _store;
    private readonly BlobDirectory _blobs;
    private readonly PresignedUrlSigner _signer;
    private readonly long _maxUploadBytes;
    private readonly ILogger _logger;

    public StorageRequestHandler(FileStore store, BlobDirectory blobs, PresignedUrlSigner signer, long maxUploadBytes, ILogger logger)
    {
        _store = store;
        _blobs = blobs;
        _signer = signer;
        _maxUploadBytes = maxUploadBytes;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isUpload = HttpMethods.IsPut(request.Method);
        if (!isUpload && !HttpMethods.IsGet(request.Method))
        {
            await RejectAsync(context, S3Error.MethodNotAllowed());
            return;
        }

        if (request.Headers.Authorization.Count > 0)
        {
            await RejectAsync(context, S3Error.InvalidArgument(AuthorizationConflictMessage));
            return;
        }

        // S3 requires Content-Length on PUT and rejects chunked transfer encoding without it.
        if (isUpload && request.ContentLength is null)
        {
            await RejectAsync(context, S3Error.MissingContentLength());
            return;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var signatureError = _signer.Validate(request.Method, rawTarget, isUpload ? request.ContentLength : null);
        if (signatureError is not null)
        {
            await RejectAsync(context, signatureError);
            return;
        }

        var queryStart = rawTarget.IndexOf('?');
        var key = StorageKey.TryParse(queryStart < 0 ? rawTarget : rawTarget[..queryStart]);
        if (key is null)
        {
            await RejectAsync(context, S3Error.NoSuchKey());
            return;
        }

        if (isUpload)
        {
            await UploadAsync(context, key.Value, request.ContentLength!.Value);
        }
        else
        {
            await DownloadAsync(context, key.Value);
        }
    }

    private async Task UploadAsync(HttpContext context, StorageKey key, long contentLength)
    {
        // The signature fixes the length and MaxUploadBytes capped it at create, so Kestrel's default limit of
        // 30 MB must not apply. Kestrel rejects a body longer than this limit.
        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = contentLength;
        }

        BlobEntry? blob;
        try
        {
            blob = await _blobs.WriteAsync(context.Request.Body, contentLength, context.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            blob = null;
        }

        if (blob is null)
        {
            Log.StorageRequestRejected(_logger, context.Request.Method, context.Request.Path, StatusCodes.Status400BadRequest, "IncompleteBody", "The body length differs from Content-Length.");
            await S3Error.IncompleteBody().WriteAsync(context.Response);
            return;
        }

        if (!_store.AttachBlob(key.AppSlug, key.Kind, key.Slug, blob))
        {
            BlobDirectory.Release(blob);
            await RejectAsync(context, S3Error.NoSuchKey());
            return;
        }

        Log.UploadStored(_logger, blob.Length, key.Kind.PathSegment(), key.Slug, key.AppSlug);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.ETag = $"\"{blob.Md5}\"";
    }

    private async Task DownloadAsync(HttpContext context, StorageKey key)
    {
        var blob = _store.FindBlob(key.AppSlug, key.Kind, key.Slug);
        FileStream? content = null;
        try
        {
            content = blob is null ? null : BlobDirectory.OpenRead(blob);
        }
        catch (FileNotFoundException)
        {
            // A delete or a new upload released the blob between the lookup and the open.
        }

        if (blob is null || content is null)
        {
            await RejectAsync(context, S3Error.NoSuchKey());
            return;
        }

        await using (content)
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/octet-stream";
            response.ContentLength = blob.Length;
            response.Headers.ETag = $"\"{blob.Md5}\"";
            await content.CopyToAsync(response.Body, context.RequestAborted);
        }
    }

    private async Task RejectAsync(HttpContext context, S3Error error)
    {
        Log.StorageRequestRejected(_logger, context.Request.Method, context.Request.Path, error.StatusCode, error.Code, error.Message);
        await DrainBodyAsync(context);
        await error.WriteAsync(context.Response);
    }

    /// <summary>
    /// Reads and discards an unread request body of at most MaxUploadBytes before an error is sent. Kestrel would
    /// otherwise close the connection on a body above its 30 MB default limit, and the client would see a broken
    /// pipe in place of the S3 error.
    /// </summary>
    private async Task DrainBodyAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody || request.ContentLength > _maxUploadBytes)
        {
            return;
        }

        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = _maxUploadBytes;
        }

        try
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The client sent a malformed or oversized body or went away, so the error response is best effort.
        }
    }
}
