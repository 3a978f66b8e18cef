using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Tests.Support;

/// <summary>A request as it arrived on the socket: the request target exactly as sent, the headers and the decoded body.</summary>
internal sealed record RawHttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that records each request before any URL parsing. WireMock.Net 1.25.0
/// reports URLs after ASP.NET Core and <see cref="Uri"/> have unescaped <c>%3B</c> and <c>%7E</c>, so tests of
/// verbatim URLs and of exact framing headers use this server instead.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawHttpRequest, (int Status, string ContentType, string Body)> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly bool _resetAfterHead;
    private int _resetConnections;

    public RawHttpServer(Func<RawHttpRequest, (int Status, string ContentType, string Body)> respond)
        : this(respond, resetAfterHead: false)
    {
    }

    private RawHttpServer(Func<RawHttpRequest, (int Status, string ContentType, string Body)> respond, bool resetAfterHead)
    {
        _respond = respond;
        _resetAfterHead = resetAfterHead;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Gets the number of connections that a server made by <see cref="ResettingAfterHead"/> reset.</summary>
    public int ResetConnections => Volatile.Read(ref _resetConnections);

    public ConcurrentQueue<RawHttpRequest> Requests { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Gets <c>http://127.0.0.1:{port}</c>, without a trailing slash.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>
    /// Creates a server that reads the head of each request and then resets the connection (a TCP RST) before the body
    /// arrives, as a storage host that drops the connection in the middle of a PUT does.
    /// </summary>
    public static RawHttpServer ResettingAfterHead()
        => new(_ => throw new InvalidOperationException("A resetting server sends no response."), resetAfterHead: true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped while it waited for a connection.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                if (_resetAfterHead)
                {
                    await ResetAfterHeadAsync(client, stream);
                    return;
                }

                while (await ReadRequestAsync(stream) is { } request)
                {
                    Requests.Enqueue(request);
                    var (status, contentType, body) = _respond(request);
                    var bodyBytes = Encoding.UTF8.GetBytes(body);
                    var head = $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nContent-Length: {bodyBytes.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                    await stream.WriteAsync(bodyBytes, _stop.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client closed the connection, or the server is stopping.
            }
        }
    }

    private async Task ResetAfterHeadAsync(TcpClient client, Stream stream)
    {
        if (await ReadHeadAsync(stream) is not null)
        {
            Interlocked.Increment(ref _resetConnections);
        }

        // A zero linger time makes the close that ends the using block send a RST instead of a FIN.
        client.Client.LingerState = new LingerOption(enable: true, seconds: 0);
    }

    private async Task<RawHttpRequest?> ReadRequestAsync(Stream stream)
    {
        var head = await ReadHeadAsync(stream);
        if (head is null)
        {
            return null;
        }

        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(stream);
        }
        else
        {
            body = new byte[headers.TryGetValue("Content-Length", out var length) ? long.Parse(length, CultureInfo.InvariantCulture) : 0];
            await stream.ReadExactlyAsync(body, _stop.Token);
        }

        return new RawHttpRequest(requestLine[0], requestLine[1], headers, body);
    }

    private async Task<string?> ReadHeadAsync(Stream stream)
    {
        var head = new List<byte>();
        var singleByte = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(singleByte, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(singleByte[0]);
        }

        return Encoding.ASCII.GetString(head.ToArray(), 0, head.Count - 4);
    }

    private async Task<byte[]> ReadChunkedAsync(Stream stream)
    {
        var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(stream);
            var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var chunk = new byte[size + 2];
            await stream.ReadExactlyAsync(chunk, _stop.Token);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunk, 0, size);
        }
    }

    private async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new List<byte>();
        var singleByte = new byte[1];
        while (line.Count < 2 || line[^2] != '\r' || line[^1] != '\n')
        {
            await stream.ReadExactlyAsync(singleByte, _stop.Token);
            line.Add(singleByte[0]);
        }

        return Encoding.ASCII.GetString(line.ToArray(), 0, line.Count - 2);
    }
}
