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

/// <summary>What a <see cref="RawHttpServer"/> does after it has sent the head and the first half of a response body.</summary>
internal enum RawBodyFault
{
    /// <summary>It sends the rest of the body.</summary>
    None,

    /// <summary>It resets the connection (a TCP RST), so the client reads an incomplete body.</summary>
    Reset,

    /// <summary>It sends nothing more and keeps the connection open until the server stops.</summary>
    Stall,
}

/// <summary>A response of a <see cref="RawHttpServer"/>: the status, the headers and the body, and how the body ends.</summary>
internal sealed record RawHttpResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null, RawBodyFault BodyFault = RawBodyFault.None);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that records each request before any URL parsing. WireMock.Net 1.25.0
/// reports URLs after ASP.NET Core and <see cref="Uri"/> have unescaped <c>%3B</c> and <c>%7E</c>, so tests of
/// verbatim URLs and of exact framing headers use this server instead.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawHttpRequest, Task<RawHttpResponse>> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly bool _resetAfterHead;
    private int _resetConnections;

    public RawHttpServer(Func<RawHttpRequest, (int Status, string ContentType, string Body)> respond)
        : this(
            request =>
            {
                var (status, contentType, body) = respond(request);
                return Task.FromResult(new RawHttpResponse(status, contentType, Encoding.UTF8.GetBytes(body)));
            },
            resetAfterHead: false)
    {
    }

    /// <summary>Creates a server whose responses may carry headers and end in a <see cref="RawBodyFault"/>.</summary>
    public RawHttpServer(Func<RawHttpRequest, Task<RawHttpResponse>> respond)
        : this(respond, resetAfterHead: false)
    {
    }

    private RawHttpServer(Func<RawHttpRequest, Task<RawHttpResponse>> respond, bool resetAfterHead)
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

    /// <summary>Gets the token that is canceled when the server stops, for a responder that waits.</summary>
    public CancellationToken Stopping => _stop.Token;

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
            // The head and the body are separate writes. With Nagle's algorithm the body would wait for the client's
            // delayed ACK of the head, about 40 ms per response.
            client.NoDelay = true;
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
                    var response = await _respond(request);
                    if (!await WriteResponseAsync(client, stream, response))
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client closed the connection, or the server is stopping.
            }
        }
    }

    /// <summary>Writes the response and returns whether the connection can serve another request.</summary>
    private async Task<bool> WriteResponseAsync(TcpClient client, Stream stream, RawHttpResponse response)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.Status} Status\r\nContent-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), _stop.Token);
        if (response.BodyFault == RawBodyFault.None)
        {
            await stream.WriteAsync(response.Body, _stop.Token);
            return true;
        }

        await stream.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), _stop.Token);
        await stream.FlushAsync(_stop.Token);
        if (response.BodyFault == RawBodyFault.Stall)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        // A zero linger time makes the close that ends the connection send a RST instead of a FIN.
        client.Client.LingerState = new LingerOption(enable: true, seconds: 0);
        return false;
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
