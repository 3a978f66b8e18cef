using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that records each request as it arrived on the socket (request line,
/// headers and body bytes) and responds with <see cref="Response"/>. It closes the connection after each
/// response, so that every request of a test is read from a fresh connection.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public LoopbackServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The base address to give the generated client, with a path so that tests see it kept.</summary>
    public string BaseAddress => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1";

    /// <summary>Chooses the response to a request; by default 200 with an empty body.</summary>
    public Func<RecordedRequest, CannedResponse> Response { get; set; } = _ => new CannedResponse(200);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public RecordedRequest SingleRequest() => Assert.Single(Requests);

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            if (head is null)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Where(line => line.Length > 0)
                .Select(line => new KeyValuePair<string, string>(line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..].Trim()))
                .ToList();
            var body = await ReadBodyAsync(stream, headers);
            var request = new RecordedRequest(requestLine[0], requestLine[1], headers, body);
            Requests.Enqueue(request);

            var response = Response(request);
            var builder = new StringBuilder();
            builder.Append("HTTP/1.1 ").Append(response.Status).Append(" Status\r\n");
            if (response.ContentType is not null)
            {
                builder.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            }

            builder.Append("Content-Length: ").Append(response.Body.Length).Append("\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(builder.ToString()));
            await stream.WriteAsync(response.Body);
            await stream.FlushAsync();
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer) == 1)
        {
            bytes.Add(buffer[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                return Encoding.Latin1.GetString(bytes.ToArray(), 0, bytes.Count - 4);
            }
        }

        return null;
    }

    private static async Task<byte[]> ReadBodyAsync(NetworkStream stream, List<KeyValuePair<string, string>> headers)
    {
        var length = headers.FirstOrDefault(header => header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (length is not null)
        {
            var body = new byte[int.Parse(length)];
            await stream.ReadExactlyAsync(body);
            return body;
        }

        if (!headers.Any(header => header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        // Chunked: each chunk is a hexadecimal size line, the bytes, and CRLF; a zero size ends the body.
        var content = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(stream);
            var size = Convert.ToInt32(sizeLine.Split(';')[0], 16);
            var chunk = new byte[size + 2];
            await stream.ReadExactlyAsync(chunk);
            if (size == 0)
            {
                return content.ToArray();
            }

            content.Write(chunk, 0, size);
        }
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer) == 1 && buffer[0] != '\n')
        {
            if (buffer[0] != '\r')
            {
                line.Append((char)buffer[0]);
            }
        }

        return line.ToString();
    }
}

/// <summary>A request as the server read it: method, request target (path and query), headers and body.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>Returns the values of the header, in the order they arrived.</summary>
    public IReadOnlyList<string> Header(string name) =>
        [.. Headers.Where(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value)];

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>The response the server sends.</summary>
internal sealed record CannedResponse(int Status, string? ContentType = null, byte[]? BodyBytes = null)
{
    public CannedResponse(int status, string contentType, string body)
        : this(status, contentType, Encoding.UTF8.GetBytes(body))
    {
    }

    public byte[] Body => BodyBytes ?? [];
}
