using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// A response body whose every read waits at most the read timeout for data. Once the response headers have arrived,
/// neither <see cref="HttpClient.Timeout"/> nor the resilience timeouts cover a streamed body any more, so a server that
/// stops sending in the middle of it would otherwise hang the caller. <see cref="JsonBodyBufferingHandler"/> reads a
/// JSON body of the API through this class inside the attempt, where the attempt timeout covers it as well. A stalled read and a connection that breaks off both
/// raise <see cref="CodeSigningResponseException"/>.
/// </summary>
/// <remarks>
/// The timeout limits the wait for each chunk, not the whole body, so a large download over a slow but steady link
/// does not time out.
/// </remarks>
internal sealed class ReadTimeoutContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly BodyFailures _failures;

    public ReadTimeoutContent(HttpContent inner, RequestTarget target, HttpStatusCode statusCode, TimeSpan readTimeout, TimeProvider timeProvider, ILogger logger)
    {
        _inner = inner;
        _failures = new BodyFailures(target, statusCode, readTimeout, timeProvider, logger);
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        var stream = await _failures.RunAsync(token => _inner.ReadAsStreamAsync(token), cancellationToken).ConfigureAwait(false);
        return new ReadTimeoutStream(stream, _failures);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Runs each read of the body under the read timeout and turns a failed read into the library's exception.</summary>
    private sealed class BodyFailures(RequestTarget target, HttpStatusCode statusCode, TimeSpan readTimeout, TimeProvider timeProvider, ILogger logger)
    {
        public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        {
            using var timeout = new CancellationTokenSource(readTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                return await read(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw Fail(
                    CodeSigningResponseFailure.TimedOut,
                    $"its body sent no data for {TransportFailureHandler.Describe(readTimeout)}, the read timeout. The server stalled; try again later, "
                    + $"or raise {nameof(BitriseCodeSigningOptions)}.{nameof(BitriseCodeSigningOptions.ResponseReadTimeout)} for a slow link.",
                    exception);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or (HttpRequestException and not CodeSigningApiException))
            {
                throw Fail(
                    CodeSigningResponseFailure.BodyInterrupted,
                    $"the connection broke while its body was read ({TransportErrors.Describe(exception)}), so the body is incomplete. Try again.",
                    exception);
            }
        }

        private CodeSigningResponseException Fail(CodeSigningResponseFailure failure, string problem, Exception exception)
        {
            Log.ResponseBodyFailed(logger, exception, target.Method, target.Host, target.Path, (int)statusCode, failure);
            return new CodeSigningResponseException(
                failure,
                $"{target} returned {(int)statusCode} ({statusCode}), but {problem}",
                target.Method,
                target.Path,
                exception);
        }
    }

    /// <summary>A read-only stream over the body that runs each asynchronous read through <see cref="BodyFailures"/>.</summary>
    private sealed class ReadTimeoutStream(Stream inner, BodyFailures failures) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => new(failures.RunAsync(token => inner.ReadAsync(buffer, token).AsTask(), cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // NOTE: a synchronous read has no timeout. The library reads bodies only asynchronously.
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
