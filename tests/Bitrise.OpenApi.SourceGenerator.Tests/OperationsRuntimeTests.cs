using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Calls the methods generated for <c>Documents/operations.yaml</c> and <c>Documents/swagger2-bodies.yaml</c>
/// against a loopback server, and checks the request bodies as they arrived and the parsing of every response
/// shape: text, streams, bodiless statuses, several 2xx bodies, <c>default</c>, and typed error bodies.
/// </summary>
public sealed class OperationsRuntimeTests
{
    private const string ProbeSource = """
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Operations;
        using Contoso.Swagger2Bodies;

        namespace Probe
        {
            public static class OperationsProbe
            {
                public static Task<string> NoteEcho(string baseAddress) =>
                    Client(baseAddress).NoteEchoAsync("h\u00e9llo\nworld");

                public static async Task<string> FileUpload(string baseAddress)
                {
                    var stream = new MemoryStream(new byte[] { 0, 1, 2, 255 });
                    await Client(baseAddress).FileUploadAsync("a b.bin", stream);
                    return stream.CanRead ? "open" : "disposed";
                }

                public static async Task<string> FileDownload(string baseAddress)
                {
                    using var stream = await Client(baseAddress).FileDownloadAsync("a.bin");
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    return Convert.ToHexString(copy.ToArray());
                }

                public static async Task<string> FileDownloadLifetime(string baseAddress)
                {
                    var content = new TrackingContent(new byte[] { 7, 8, 9 });
                    var client = new OperationsClient(new HttpClient(new FixedHandler(content)) { BaseAddress = new Uri(baseAddress) });
                    var stream = await client.FileDownloadAsync("a.bin");
                    var readBeforeCaller = content.BytesRead;
                    var first = stream.ReadByte();
                    var disposedBeforeCaller = content.IsDisposed;
                    await stream.DisposeAsync();
                    return readBeforeCaller + " " + first + " " + disposedBeforeCaller + " " + content.IsDisposed;
                }

                public static async Task<string> FormSubmit(string baseAddress) =>
                    (await Client(baseAddress).FormSubmitAsync("rex d", tags: new[] { "a", "b&c" }, count: 3)).Name;

                public static async Task<string> UploadCreate(string baseAddress)
                {
                    var file = new MemoryStream(Encoding.UTF8.GetBytes("file-bytes"));
                    var pet = await Client(baseAddress).UploadCreateAsync(file, title: "T", owner: new Pet { Name = "o" });
                    return pet.Name;
                }

                public static async Task<string> AttachmentCreateEmpty(string baseAddress)
                {
                    await Client(baseAddress).AttachmentCreateAsync();
                    return "done";
                }

                public static Task<string> UploadCreateFromFile(string baseAddress) =>
                    UploadCreateFromFileNamed(baseAddress, "-report.txt");

                public static async Task<string> UploadCreateNamedAs(string baseAddress, string fileName)
                {
                    try
                    {
                        await Client(baseAddress).UploadCreateAsync(new MemoryStream(new byte[] { 1 }), fileFileName: fileName);
                        return "sent";
                    }
                    catch (ArgumentException exception)
                    {
                        return exception.GetType().Name + "|" + exception.ParamName + "|" + exception.Message;
                    }
                }

                public static async Task<string> UploadCreateFromFileNamed(string baseAddress, string suffix)
                {
                    var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + suffix);
                    File.WriteAllText(path, "report");
                    try
                    {
                        using var file = File.OpenRead(path);
                        await Client(baseAddress).UploadCreateAsync(file);
                        return Path.GetFileName(path);
                    }
                    finally
                    {
                        File.Delete(path);
                    }
                }

                public static async Task<string> UploadCreateNamed(string baseAddress)
                {
                    await Client(baseAddress).UploadCreateAsync(new MemoryStream(new byte[] { 1 }), fileFileName: "photo.png");
                    return "done";
                }

                public static async Task<string> PetGet(string baseAddress) =>
                    (await Client(baseAddress).PetGetAsync(1))?.Name ?? "(null)";

                public static async Task<string> PetGetFailure(string baseAddress)
                {
                    try
                    {
                        await Client(baseAddress).PetGetAsync(1);
                        return "no exception";
                    }
                    catch (OperationsException exception)
                    {
                        var body = exception.ErrorBody switch
                        {
                            NotFound notFound => "NotFound:" + notFound.Missing,
                            Problem problem => "Problem:" + problem.Title + ":" + problem.Status,
                            null => "(null)",
                            var other => other.GetType().Name,
                        };
                        return (int)exception.StatusCode! + "|" + body + "|" + (exception.ResponseBody ?? "(null)");
                    }
                }

                public static async Task<string> PetGetFailureTexts(string baseAddress, string authorization)
                {
                    var httpClient = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    httpClient.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
                    try
                    {
                        await new OperationsClient(httpClient).PetGetAsync(1);
                        return "no exception";
                    }
                    catch (OperationsException exception)
                    {
                        var title = exception.ErrorBody is Problem problem ? problem.Title : "(not a Problem)";
                        return string.Join("\u001F", exception.Message, exception.ServiceMessage, exception.ResponseExcerpt, exception.ResponseBody, title, exception.ToString());
                    }
                }

                public static async Task<string> JobStart(string baseAddress)
                {
                    var result = await Client(baseAddress).JobStartAsync();
                    return result.StatusCode + "|" + (result.Pet?.Name ?? "(null)") + "|" + (result.Body201 ?? "(null)") + "|" + (result.Problem?.Title ?? "(null)");
                }

                public static async Task<string> JobPoll(string baseAddress)
                {
                    var result = await Client(baseAddress).JobPollAsync();
                    return result.StatusCode + "|" + (result.Pet?.Name ?? "(null)") + "|" + (result.Problem?.Title ?? "(null)");
                }

                public static async Task<string> OrderPlace(string baseAddress) =>
                    (await Client(baseAddress).OrderPlaceAsync()).Name;

                public static async Task<string> SwaggerFileDownload(string baseAddress)
                {
                    using var stream = await SwaggerClient(baseAddress).FileDownloadAsync("a.bin");
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    return Convert.ToHexString(copy.ToArray());
                }

                public static Task<string> StatusGet(string baseAddress) =>
                    Client(baseAddress).StatusGetAsync();

                public static async Task<string> SwaggerFormSubmit(string baseAddress)
                {
                    await SwaggerClient(baseAddress).FormSubmitAsync("rex", count: 2);
                    return "done";
                }

                public static async Task<string> SwaggerUploadCreate(string baseAddress)
                {
                    await SwaggerClient(baseAddress).UploadCreateAsync(new MemoryStream(new byte[] { 1, 2 }), title: "t");
                    return "done";
                }

                public static Task<string> SwaggerNoteCreate(string baseAddress) =>
                    SwaggerClient(baseAddress).NoteCreateAsync("note");

                private static OperationsClient Client(string baseAddress) =>
                    new OperationsClient(new HttpClient { BaseAddress = new Uri(baseAddress) });

                private static Swagger2BodiesClient SwaggerClient(string baseAddress) =>
                    new Swagger2BodiesClient(new HttpClient { BaseAddress = new Uri(baseAddress) });

                private sealed class FixedHandler(HttpContent content) : HttpMessageHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content });
                }

                /// <summary>A body that counts the bytes read from it and records its disposal.</summary>
                private sealed class TrackingContent(byte[] bytes) : HttpContent
                {
                    private readonly CountingStream _stream = new(bytes);

                    public int BytesRead => _stream.BytesRead;

                    public bool IsDisposed { get; private set; }

                    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(_stream);

                    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _stream.CopyToAsync(stream);

                    protected override bool TryComputeLength(out long length)
                    {
                        length = bytes.Length;
                        return true;
                    }

                    protected override void Dispose(bool disposing)
                    {
                        IsDisposed = true;
                        base.Dispose(disposing);
                    }
                }

                private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
                {
                    public int BytesRead { get; private set; }

                    public override int Read(byte[] buffer, int offset, int count)
                    {
                        var read = base.Read(buffer, offset, count);
                        BytesRead += read;
                        return read;
                    }

                    public override int Read(Span<byte> buffer)
                    {
                        var read = base.Read(buffer);
                        BytesRead += read;
                        return read;
                    }

                    public override int ReadByte()
                    {
                        var value = base.ReadByte();
                        BytesRead += value < 0 ? 0 : 1;
                        return value;
                    }
                }
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public async Task TextBody_RoundTrips()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "text/plain; charset=utf-8", "stored: \u00e9") };

        var result = await InvokeAsync("NoteEcho", server);

        var request = server.SingleRequest();
        Assert.Equal("POST /v1/notes", request.Method + " " + request.Target);
        Assert.Equal(["text/plain; charset=utf-8"], request.Header("Content-Type"));
        Assert.Equal(["text/plain"], request.Header("Accept"));
        Assert.Equal("h\u00e9llo\nworld", request.BodyText);
        Assert.Equal("stored: \u00e9", result);
    }

    [Fact]
    public async Task StreamBody_IsSentAndLeftOpen()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(204) };

        var result = await InvokeAsync("FileUpload", server);

        var request = server.SingleRequest();
        Assert.Equal("PUT /v1/files/a%20b.bin", request.Method + " " + request.Target);
        Assert.Equal(["application/octet-stream"], request.Header("Content-Type"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, request.Body);
        Assert.Equal("open", result);
    }

    [Fact]
    public async Task BinaryResponse_IsReturnedAsStream()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "application/octet-stream", new byte[] { 0xCA, 0xFE, 0x00 }) };

        var result = await InvokeAsync("FileDownload", server);

        Assert.Equal("CAFE00", result);
        Assert.Equal(["application/json, application/octet-stream"], server.SingleRequest().Header("Accept"));
    }

    [Fact]
    public async Task BinaryResponse_StreamsAndDisposes()
    {
        var result = await InvokeAsync("FileDownloadLifetime", "http://127.0.0.1/v1");

        var parts = result.Split(' ');
        Assert.Equal("0", parts[0]);
        Assert.Equal("7", parts[1]);
        Assert.Equal("False", parts[2]);
        Assert.Equal("True", parts[3]);
    }

    [Fact]
    public async Task FormBody_IsUrlEncoded()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "application/json", """{"name":"rex"}""") };

        var result = await InvokeAsync("FormSubmit", server);

        var request = server.SingleRequest();
        Assert.Equal(["application/x-www-form-urlencoded"], request.Header("Content-Type"));
        Assert.Equal("name=rex+d&tags=a&tags=b%26c&count=3", request.BodyText);
        Assert.Equal("rex", result);
    }

    [Fact]
    public async Task MultipartBody_SendsFieldsAndFile()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(201, "application/json", """{"name":"up"}""") };

        var result = await InvokeAsync("UploadCreate", server);

        var parts = MultipartParts(server.SingleRequest());
        Assert.Equal(["file", "title", "owner"], parts.Select(part => part.Name));
        Assert.Equal("form-data; name=file; filename=file; filename*=utf-8''file", parts[0].Headers["Content-Disposition"]);
        Assert.Equal("application/octet-stream", parts[0].Headers["Content-Type"]);
        Assert.Equal("file-bytes", parts[0].Content);
        Assert.Equal("T", parts[1].Content);
        Assert.Equal("""{"name":"o"}""", parts[2].Content);
        Assert.Equal("up", result);
    }

    [Fact]
    public async Task MultipartWithoutValues_SendsNoPart()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(204) };

        await InvokeAsync("AttachmentCreateEmpty", server);

        var request = server.SingleRequest();
        var contentType = Assert.Single(request.Header("Content-Type"));
        Assert.StartsWith("multipart/form-data; boundary=", contentType);
        var boundary = contentType[(contentType.IndexOf('=') + 1)..].Trim('"');
        Assert.Equal("--" + boundary + "--\r\n", request.BodyText);
    }

    [Fact]
    public async Task MultipartFileStream_SendsItsFileName()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(201, "application/json", """{"name":"up"}""") };

        var fileName = await InvokeAsync("UploadCreateFromFile", server);

        var part = Assert.Single(MultipartParts(server.SingleRequest()));
        Assert.Contains("filename=" + fileName + ";", part.Headers["Content-Disposition"]);
        Assert.Equal("report", part.Content);
    }

    [Fact]
    public async Task MultipartFileName_IsSentAsGiven()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(201, "application/json", """{"name":"up"}""") };

        await InvokeAsync("UploadCreateNamed", server);

        var part = Assert.Single(MultipartParts(server.SingleRequest()));
        Assert.Equal("form-data; name=file; filename=photo.png; filename*=utf-8''photo.png", part.Headers["Content-Disposition"]);
    }

    [Theory]
    [InlineData("f \"x\".bin", "filename=\"f \\\"x\\\".bin\"; filename*=utf-8''f%20%22x%22.bin")]
    [InlineData("a\\b.bin", "filename=\"a\\\\b.bin\"; filename*=utf-8''a%5Cb.bin")]
    [InlineData("café.bin", "filename=\"=?utf-8?B?Y2Fmw6kuYmlu?=\"; filename*=utf-8''caf%C3%A9.bin")]
    [InlineData("my photo.png", "filename=\"my photo.png\"; filename*=utf-8''my%20photo.png")]
    public async Task MultipartFileName_IsEscaped(string fileName, string expected)
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(201, "application/json", """{"name":"up"}""") };

        Assert.Equal("sent", await InvokeAsync("UploadCreateNamedAs", server.BaseAddress, fileName));

        var disposition = Assert.Single(MultipartParts(server.SingleRequest())).Headers["Content-Disposition"];
        Assert.Equal("form-data; name=file; " + expected, disposition);
        Assert.Equal(fileName, ContentDispositionHeaderValue.Parse(disposition).FileNameStar);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1.bin")]
    [InlineData("a\n.bin")]
    [InlineData("a\r.bin")]
    public async Task MultipartFileNameWithLineBreak_RaisesArgumentException(string fileName)
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(201, "application/json", """{"name":"up"}""") };

        var result = await InvokeAsync("UploadCreateNamedAs", server.BaseAddress, fileName);

        Assert.StartsWith("ArgumentException|fileFileName|", result);
        Assert.Contains("control character", result);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MultipartFileStreamWithQuote_SendsEscapedName()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(201, "application/json", """{"name":"up"}""") };

        var fileName = await InvokeAsync("UploadCreateFromFileNamed", server.BaseAddress, "-\"q\".txt");

        var part = Assert.Single(MultipartParts(server.SingleRequest()));
        Assert.Contains("filename=\"" + fileName.Replace("\"", "\\\"") + "\";", part.Headers["Content-Disposition"]);
        Assert.Equal("report", part.Content);
    }

    [Theory]
    [InlineData(200, """{"name":"rex"}""", "rex")]
    [InlineData(204, "", "(null)")]
    public async Task BodilessSuccess_ReturnsNull(int status, string body, string expected)
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(status, "application/json", body) };

        Assert.Equal(expected, await InvokeAsync("PetGet", server));
    }

    [Theory]
    [InlineData(404, "application/json", """{"missing":"pet"}""", "404|NotFound:pet|{\"missing\":\"pet\"}")]
    [InlineData(418, "application/problem+json", """{"title":"teapot","status":418}""", "418|Problem:teapot:418|{\"title\":\"teapot\",\"status\":418}")]
    [InlineData(500, "application/json", """{"title":"boom"}""", "500|Problem:boom:|{\"title\":\"boom\"}")]
    [InlineData(503, "text/html", "<p>down</p>", "503|(null)|<p>down</p>")]
    [InlineData(404, "application/json", "not json", "404|(null)|not json")]
    [InlineData(500, "application/json", "", "500|(null)|(null)")]
    public async Task ErrorResponse_ExposesTypedErrorBody(int status, string contentType, string body, string expected)
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(status, contentType, body) };

        Assert.Equal(expected, await InvokeAsync("PetGetFailure", server));
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("System.Text.Json")]
    [InlineData("escaped slashes")]
    [InlineData("all escaped, upper hex")]
    [InlineData("all escaped, mixed hex")]
    [InlineData("JSON in a JSON string")]
    public async Task ErrorBodyEchoingToken_RedactsEveryEncoding(string encoding)
    {
        const string Token = "s3cr3t+T0ken/x=";
        await using var server = new LoopbackServer
        {
            Response = request =>
            {
                var echoed = EncodeEcho(request.Header("Authorization").Single(), encoding);
                var body = "{\"message\":\"rejected " + echoed + "\",\"title\":\"" + echoed + "\"}";
                return new CannedResponse(401, "application/problem+json", body);
            },
        };

        var texts = (await InvokeAsync("PetGetFailureTexts", server.BaseAddress, "Bearer " + Token)).Split('\u001F');

        Assert.Equal(6, texts.Length);
        Assert.All(texts, text => Assert.DoesNotContain("s3cr3t", text));
        Assert.All(texts, text => Assert.DoesNotContain("T0ken", text));
        Assert.Contains("Bearer [redacted]", texts[0]);
        Assert.Contains("Bearer [redacted]", texts[4]);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(900_000)]
    public async Task LargeErrorBody_IsStillTyped(int paddingLength)
    {
        var body = "{\"missing\":\"pet\",\"padding\":\"" + new string('x', paddingLength) + "\"}";
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(404, "application/json", body) };

        var parts = (await InvokeAsync("PetGetFailure", server)).Split('|');

        Assert.Equal("404", parts[0]);
        Assert.Equal("NotFound:pet", parts[1]);
        Assert.Equal(body.Substring(0, 4096), parts[2]);
    }

    [Fact]
    public async Task ErrorBodyOverLimit_IsNotTyped()
    {
        var body = "{\"missing\":\"pet\",\"padding\":\"" + new string('x', 1_100_000) + "\"}";
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(404, "application/json", body) };

        var parts = (await InvokeAsync("PetGetFailure", server)).Split('|');

        Assert.Equal("(null)", parts[1]);
        Assert.Equal(4096, parts[2].Length);
    }

    [Theory]
    [InlineData(200, "application/json", """{"name":"rex"}""", "200|rex|(null)|(null)")]
    [InlineData(201, "text/plain", "named", "201|(null)|named|(null)")]
    [InlineData(202, "application/json", """{"title":"queued"}""", "202|(null)|(null)|queued")]
    [InlineData(204, "", "", "204|(null)|(null)|(null)")]
    [InlineData(206, "application/json", """{"name":"rex"}""", "206|(null)|(null)|(null)")]
    public async Task DifferentSuccessBodies_FillStatusProperty(int status, string contentType, string body, string expected)
    {
        await using var server = new LoopbackServer { Response = _ => contentType.Length == 0 ? new CannedResponse(status) : new CannedResponse(status, contentType, body) };

        Assert.Equal(expected, await InvokeAsync("JobStart", server));
    }

    [Theory]
    [InlineData(200, """{"name":"rex"}""", "200|rex|(null)")]
    [InlineData(204, "", "204|(null)|(null)")]
    [InlineData(203, """{"title":"other"}""", "203|(null)|other")]
    public async Task SuccessRangeBody_FillsRangeProperty(int status, string body, string expected)
    {
        await using var server = new LoopbackServer { Response = _ => body.Length == 0 ? new CannedResponse(status) : new CannedResponse(status, "application/json", body) };

        Assert.Equal(expected, await InvokeAsync("JobPoll", server));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    public async Task SameBodyForTwoStatuses_ReturnsIt(int status)
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(status, "application/json", """{"name":"order"}""") };

        Assert.Equal("order", await InvokeAsync("OrderPlace", server));
    }

    [Fact]
    public async Task SwaggerFileResponse_IsReturnedAsStream()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "application/octet-stream", new byte[] { 1, 2, 3 }) };

        var result = await InvokeAsync("SwaggerFileDownload", server);

        Assert.Equal("010203", result);
        Assert.Equal(["application/octet-stream"], server.SingleRequest().Header("Accept"));
    }

    [Fact]
    public async Task DefaultOnlyResponse_IsTheSuccess()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "application/json", "\"green\"") };

        Assert.Equal("green", await InvokeAsync("StatusGet", server));
    }

    [Fact]
    public async Task SwaggerFormData_IsUrlEncoded()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(204) };

        await InvokeAsync("SwaggerFormSubmit", server);

        var request = server.SingleRequest();
        Assert.Equal(["application/x-www-form-urlencoded"], request.Header("Content-Type"));
        Assert.Equal("name=rex&count=2", request.BodyText);
    }

    [Fact]
    public async Task SwaggerFileFormData_IsMultipart()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(204) };

        await InvokeAsync("SwaggerUploadCreate", server);

        var parts = MultipartParts(server.SingleRequest());
        Assert.Equal(["file", "title"], parts.Select(part => part.Name));
        Assert.Equal("\u0001\u0002", parts[0].Content);
        Assert.Equal("t", parts[1].Content);
    }

    [Fact]
    public async Task SwaggerTextBody_RoundTrips()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "text/plain", "ok") };

        var result = await InvokeAsync("SwaggerNoteCreate", server);

        var request = server.SingleRequest();
        Assert.Equal(["text/plain; charset=utf-8"], request.Header("Content-Type"));
        Assert.Equal("note", request.BodyText);
        Assert.Equal("ok", result);
    }

    [Fact]
    public void GeneratedCode_HasNoDiagnostics()
    {
        var output = GeneratorHarness.Run(Documents());

        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.GeneratorDiagnostics);
    }

    private static OpenApiDocumentItem[] Documents() =>
    [
        TestDocuments.Local("operations.yaml", "Contoso.Operations", "OperationsClient"),
        TestDocuments.Local("swagger2-bodies.yaml", "Contoso.Swagger2Bodies", "Swagger2BodiesClient"),
    ];

    /// <summary>Splits a multipart body at the boundary named in its <c>Content-Type</c>.</summary>
    private static List<(string Name, Dictionary<string, string> Headers, string Content)> MultipartParts(RecordedRequest request)
    {
        var contentType = Assert.Single(request.Header("Content-Type"));
        Assert.StartsWith("multipart/form-data; boundary=", contentType);
        var boundary = "--" + contentType[(contentType.IndexOf('=') + 1)..].Trim('"');
        var parts = new List<(string, Dictionary<string, string>, string)>();
        foreach (var part in Encoding.Latin1.GetString(request.Body).Split(boundary).Skip(1).Where(part => !part.StartsWith("--", StringComparison.Ordinal)))
        {
            var headEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = part[..headEnd].Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(line => line[..line.IndexOf(':')], line => line[(line.IndexOf(':') + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
            var name = headers["Content-Disposition"].Split(';').Select(item => item.Trim()).First(item => item.StartsWith("name=", StringComparison.Ordinal))[5..].Trim('"');
            parts.Add((name, headers, part[(headEnd + 4)..^2]));
        }

        return parts;
    }

    private static Task<string> InvokeAsync(string method, LoopbackServer server) => InvokeAsync(method, server.BaseAddress);

    private static Task<string> InvokeAsync(string method, params object[] arguments) =>
        (Task<string>)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    /// <summary>Writes the echoed header as the JSON string content that a service with the named encoder would write.</summary>
    private static string EncodeEcho(string value, string encoding)
    {
        return encoding switch
        {
            "raw" => value,
            "System.Text.Json" => System.Text.Json.JsonSerializer.Serialize(value)[1..^1],
            "escaped slashes" => value.Replace("/", "\\/"),
            "all escaped, upper hex" => string.Concat(value.Select(character => $"\\u{(int)character:X4}")),
            "all escaped, mixed hex" => string.Concat(value.Select((character, index) => index % 2 == 0 ? $"\\u{(int)character:X4}" : $"\\u{(int)character:x4}")),
            "JSON in a JSON string" => System.Text.Json.JsonSerializer.Serialize("{\"got\":" + System.Text.Json.JsonSerializer.Serialize(value) + "}")[1..^1],
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown echo encoding."),
        };
    }

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run(Documents(), ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.OperationsProbe", throwOnError: true)!;
    }
}
