using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The body of an upload PUT. Its length is known before sending, so the request carries <c>Content-Length</c> and
/// is never chunked, which the presigned URL requires because it signs that length. The bytes are streamed in
/// chunks, and a source that yields more or fewer bytes than declared fails the request.
/// </summary>
internal sealed class UploadContent : HttpContent
{
    private const int BufferSize = 81920;

    private readonly UploadSource _source;

    public UploadContent(UploadSource source)
    {
        _source = source;
    }

    /// <summary>Gets whether the bytes can be sent again, as a retry needs.</summary>
    public bool CanReplay => _source.CanReplay;

    protected override bool TryComputeLength(out long length)
    {
        length = _source.Length;
        return true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var (input, owned) = _source.OpenRead();
        try
        {
            await CopyExactlyAsync(input, stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (owned)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task CopyExactlyAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var remaining = _source.Length;
            while (remaining > 0)
            {
                var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw LengthMismatch($"ended after {_source.Length - remaining} bytes");
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }

            // One more read shows whether the source is longer than declared; those bytes would not be sent.
            if (await input.ReadAsync(buffer.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) != 0)
            {
                throw LengthMismatch("has more bytes");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private CodeSigningStorageException LengthMismatch(string problem)
        => new(
            CodeSigningStorageFailure.InvalidUploadSource,
            $"The upload source '{_source.FileName}' {problem}, but its declared length is {_source.Length} bytes. "
            + "The file or stream changed after the upload started, or the length passed to UploadSource.FromStream is wrong.");
}
