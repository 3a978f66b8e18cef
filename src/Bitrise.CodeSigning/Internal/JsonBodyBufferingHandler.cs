using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The innermost delegating handler of the API client, inside the retry strategy: it reads the whole JSON body of a
/// 2xx response to a GET before the attempt ends. The generated client reads a body only after the resilience pipeline
/// has returned, so without this a connection that breaks or stalls in the middle of the body of a show or a list page
/// would escape the retries.
/// </summary>
/// <remarks>
/// <para>
/// Each read waits at most <see cref="BitriseCodeSigningOptions.ResponseReadTimeout"/>, and the attempt timeout
/// covers the whole body. A broken or stalled body raises <see cref="CodeSigningResponseException"/> with
/// <see cref="CodeSigningResponseFailure.BodyInterrupted"/> or <see cref="CodeSigningResponseFailure.TimedOut"/>,
/// which the API client's retry strategy retries for a GET.
/// </para>
/// <para>
/// Other methods are left alone: POST and PATCH are never retried, so reading their bodies early gains nothing. So are
/// bodies of another media type and error responses, whose body the generated client reads up to its own limit. The
/// storage client, which streams downloads, does not use this handler.
/// </para>
/// </remarks>
internal sealed class JsonBodyBufferingHandler : DelegatingHandler
{
    /// <summary>
    /// The maximum length of a buffered body, 4 MiB. A list page contains at most 50 items (the maximum of the document's
    /// <c>limit</c>) and is far shorter, so a longer body is not a response this client can use.
    /// </summary>
    internal const int MaxBodyBytes = 4 * 1024 * 1024;

    private const int ChunkBytes = 16 * 1024;

    private readonly IOptionsMonitor<BitriseCodeSigningOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public JsonBodyBufferingHandler(IOptionsMonitor<BitriseCodeSigningOptions> options, TimeProvider timeProvider, ILogger<JsonBodyBufferingHandler> logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode || !IsJson(response.Content.Headers.ContentType))
        {
            return response;
        }

        try
        {
            response.Content = await BufferAsync(RequestTarget.Of(request), response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpContent> BufferAsync(RequestTarget target, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxBodyBytes)
        {
            throw TooLarge(target, response);
        }

        // ReadTimeoutContent applies the read timeout to each read and owns the original content from here on.
        using var body = new ReadTimeoutContent(response.Content, target, response.StatusCode, _options.CurrentValue.ResponseReadTimeout, _timeProvider, _logger);
        // A declared length sizes the buffer once. The chunk is pooled because a listing reads one body per page.
        using var buffer = new MemoryStream((int)(response.Content.Headers.ContentLength ?? 0));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var stream = await body.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxBodyBytes)
                    {
                        throw TooLarge(target, response);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var header in body.Headers)
        {
            // ByteArrayContent computes its own Content-Length from the bytes read.
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return buffered;
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType)
        => contentType?.MediaType is { } mediaType
            && (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static CodeSigningResponseException TooLarge(RequestTarget target, HttpResponseMessage response)
        => new(
            CodeSigningResponseFailure.InvalidResponse,
            $"{target} returned {(int)response.StatusCode} ({response.StatusCode}) with a JSON body longer than {MaxBodyBytes / (1024 * 1024)} MiB, "
            + "the limit for an API response, so it was not read. A show or a list page of the API is far shorter; report this to the API's operator.",
            target.Method,
            target.Path);
}
