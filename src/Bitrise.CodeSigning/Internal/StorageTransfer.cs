using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// Sends the PUT of an upload and the GET of a download through the storage client
/// (<see cref="BitriseCodeSigningHttpClientNames.Storage"/>), which carries no access token.
/// </summary>
internal sealed class StorageTransfer
{
    private const int BufferSize = 81920;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger _logger;

    public StorageTransfer(IHttpClientFactory httpClientFactory, ILogger<StorageTransfer> logger)
    {
        _httpClientFactory = httpClientFactory;
        _logger = logger;
    }

    /// <summary>Sends the bytes of <paramref name="source"/> to a presigned upload URL.</summary>
    /// <exception cref="CodeSigningStorageException">The storage returned a status outside 2xx, or the source did not yield its declared length.</exception>
    public async Task PutAsync(PresignedUrl url, UploadSource source, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url.Uri) { Content = new UploadContent(source) };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(request.Method, url, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the file at a presigned download URL into <paramref name="destination"/>, hashing the bytes with
    /// SHA-256 on the way when <paramref name="computeSha256"/> is set.
    /// </summary>
    /// <returns>The number of bytes written, and their SHA-256 or <see langword="null"/>.</returns>
    /// <exception cref="CodeSigningStorageException">The storage returned a status outside 2xx.</exception>
    public async Task<(long Length, byte[]? Sha256)> DownloadAsync(PresignedUrl url, Stream destination, bool computeSha256, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url.Uri);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(request.Method, url, response, cancellationToken).ConfigureAwait(false);

        using var hash = computeSha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var length = await CopyAsync(body, destination, hash, cancellationToken).ConfigureAwait(false);
            return (length, hash?.GetHashAndReset());
        }
    }

    private static async Task<long> CopyAsync(Stream body, Stream destination, IncrementalHash? hash, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash?.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                length += read;
            }

            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <remarks>
    /// The client's <see cref="TransportFailureHandler"/> turns a request without a usable response into a
    /// <see cref="CodeSigningResponseException"/> and logs it.
    /// </remarks>
    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(BitriseCodeSigningHttpClientNames.Storage);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task ThrowIfFailedAsync(HttpMethod method, PresignedUrl url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var exception = await StorageErrors.CreateAsync(method, url, response, cancellationToken).ConfigureAwait(false);
        Log.StorageRequestFailed(_logger, method.Method, url.Host, url.Path, (int)response.StatusCode, exception.ErrorCode);
        throw exception;
    }
}
