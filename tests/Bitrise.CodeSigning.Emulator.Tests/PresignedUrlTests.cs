using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class PresignedUrlTests
{
    private const string Kind = "provisioning-profiles";

    [Fact]
    public async Task UploadUrl_Format_HasEncodedSignedQuery()
    {
        await using var session = await EmulatorSession.StartAsync();

        var url = (string)(await session.CreateAsync(Kind, 3, "my profile~1.mobileprovision"))["upload_url"]!;

        Assert.StartsWith(session.Emulator.StorageBaseAddress.ToString(), url, StringComparison.Ordinal);
        Assert.Contains("/my%20profile%7E1.mobileprovision?", url, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", url, StringComparison.Ordinal);
        Assert.Contains("%2F", url, StringComparison.Ordinal);
        Assert.Contains("%7E", url, StringComparison.Ordinal);
        Assert.Contains("X-Amz-SignedHeaders=content-length%3Bhost", url, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=600", url, StringComparison.Ordinal);
        Assert.Matches("X-Amz-Signature=[0-9a-f]{64}$", url);
    }

    [Fact]
    public async Task Upload_WrongLength_Returns403SignatureDoesNotMatch()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        using var response = await session.PutAsync(url, [1, 2, 3, 4]);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task Upload_LongerThanDeclared_StoresNothing(int extraBytes)
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync(Kind, 3);

        using var response = await session.PutAsync((string)created["upload_url"]!, new byte[3 + extraBytes]);
        using var confirm = await session.SendJsonAsync(HttpMethod.Post, $"apps/{EmulatorSession.App}/{Kind}/{created["slug"]}/uploaded");

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Contains("was not uploaded", await EmulatorSession.ReadMessageAsync(confirm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AfterExpiry_Returns403RequestHasExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { TimeProvider = clock });
        var url = await CreateUploadUrlAsync(session, 3);

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var response = await session.PutAsync(url, [1, 2, 3]);

        var error = await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Equal("Request has expired", error.Element("Message")?.Value);
    }

    [Fact]
    public async Task Upload_AtEndOfLifetime_IsAccepted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { TimeProvider = clock });
        var url = await CreateUploadUrlAsync(session, 3);

        clock.Advance(TimeSpan.FromMinutes(10));
        using var response = await session.PutAsync(url, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upload_ExpiredLargeBody_Returns403()
    {
        // 40 MB is above Kestrel's default body limit of 30 MB, which would close the connection undrained.
        const int size = 40 * 1024 * 1024;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { TimeProvider = clock });
        var url = await CreateUploadUrlAsync(session, size);

        clock.Advance(TimeSpan.FromHours(1));
        using var response = await session.PutAsync(url, new byte[size]);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task UploadUrl_CustomLifetime_SetsExpires()
    {
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { PresignedUrlLifetime = TimeSpan.FromSeconds(90) });

        var url = await CreateUploadUrlAsync(session, 3);

        Assert.Contains("X-Amz-Expires=90&", url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_AfterExpiry_Returns403RequestHasExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { TimeProvider = clock });
        var file = await session.CreateProcessedAsync(Kind, [1, 2, 3]);
        var downloadUrl = await GetDownloadUrlAsync(session, (string)file["slug"]!);

        clock.Advance(TimeSpan.FromMinutes(11));
        using var response = await session.GetAsync(downloadUrl);

        var error = await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Equal("Request has expired", error.Element("Message")?.Value);
    }

    [Theory]
    [InlineData("X-Amz-Signature=0")]
    [InlineData("X-Amz-Expires=6000")]
    [InlineData("X-Amz-Date=20990101T000000Z")]
    public async Task Upload_TamperedQuery_Returns403(string replacement)
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);
        var name = replacement[..(replacement.IndexOf('=') + 1)];
        var start = url.IndexOf(name, StringComparison.Ordinal);
        var end = url.IndexOf('&', start) is var ampersand and >= 0 ? ampersand : url.Length;
        var tampered = url[..start] + replacement + url[end..];

        using var response = await session.PutAsync(tampered, [1, 2, 3]);

        Assert.NotEqual(url, tampered);
        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Theory]
    [InlineData("%2F", "/")]
    [InlineData("%3B", ";")]
    [InlineData("%7E", "~")]
    public async Task Upload_DecodedQuery_Returns403(string encoded, string decoded)
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        using var response = await session.PutAsync(url.Replace(encoded, decoded, StringComparison.Ordinal), [1, 2, 3]);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Upload_CanonicalizedUri_Returns403()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        // A plain Uri decodes %7E to ~, so a client must keep the presigned URL verbatim.
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(url)) { Content = new ByteArrayContent([1, 2, 3]) };
        using var response = await session.Storage.SendAsync(request, EmulatorSession.Cancellation);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Upload_OtherFilesUrl_Returns403()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);
        var other = await session.CreateAsync(Kind, 3);
        var path = url[..url.IndexOf('?')];
        var slugStart = path.LastIndexOf('/', path.LastIndexOf('/') - 1) + 1;
        var slugEnd = path.LastIndexOf('/');
        var retargeted = url[..slugStart] + (string)other["slug"]! + url[slugEnd..];

        using var response = await session.PutAsync(retargeted, [1, 2, 3]);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Upload_Chunked_Returns411MissingContentLength()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);
        using var request = new HttpRequestMessage(HttpMethod.Put, EmulatorSession.Verbatim(url))
        {
            Content = new StreamContent(new MemoryStream([1, 2, 3])),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await session.Storage.SendAsync(request, EmulatorSession.Cancellation);

        await AssertS3ErrorAsync(response, HttpStatusCode.LengthRequired, "MissingContentLength");
    }

    [Fact]
    public async Task Upload_WithAuthorization_Returns400InvalidArgument()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);
        using var request = new HttpRequestMessage(HttpMethod.Put, EmulatorSession.Verbatim(url)) { Content = new ByteArrayContent([1, 2, 3]) };
        request.Headers.TryAddWithoutValidation("Authorization", session.Emulator.AccessToken);

        using var response = await session.Storage.SendAsync(request, EmulatorSession.Cancellation);

        var error = await AssertS3ErrorAsync(response, HttpStatusCode.BadRequest, "InvalidArgument");
        Assert.StartsWith("Only one auth mechanism allowed", error.Element("Message")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutQuery_Returns403AccessDenied()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        using var response = await session.PutAsync(url[..url.IndexOf('?')], [1, 2, 3]);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task Upload_PostMethod_Returns405()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        using var response = await session.Storage.PostAsync(EmulatorSession.Verbatim(url), new ByteArrayContent([1, 2, 3]), EmulatorSession.Cancellation);

        await AssertS3ErrorAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    [Fact]
    public async Task Upload_AfterDelete_Returns404NoSuchKey()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync(Kind, 3);
        using var delete = await session.SendJsonAsync(HttpMethod.Delete, $"apps/demo-app/{Kind}/{created["slug"]}");

        using var response = await session.PutAsync((string)created["upload_url"]!, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        await AssertS3ErrorAsync(response, HttpStatusCode.NotFound, "NoSuchKey");
    }

    [Fact]
    public async Task UploadUrl_UsedForGet_Returns403()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        using var response = await session.GetAsync(url);

        await AssertS3ErrorAsync(response, HttpStatusCode.Forbidden, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Upload_Success_ReturnsEtag()
    {
        await using var session = await EmulatorSession.StartAsync();
        var url = await CreateUploadUrlAsync(session, 3);

        using var response = await session.PutAsync(url, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"5289df737df57326fcdd22597afb1fac\"", response.Headers.ETag?.Tag);
    }

    private static async Task<string> CreateUploadUrlAsync(EmulatorSession session, long size) =>
        (string)(await session.CreateAsync(Kind, size))["upload_url"]!;

    private static async Task<string> GetDownloadUrlAsync(EmulatorSession session, string slug)
    {
        using var response = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/{Kind}/{slug}"), EmulatorSession.Cancellation);
        return (string)(await EmulatorSession.ReadDataAsync(response))["download_url"]!;
    }

    private static async Task<XElement> AssertS3ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync(EmulatorSession.Cancellation)).Root!;
        Assert.Equal("Error", error.Name.LocalName);
        Assert.Equal(code, error.Element("Code")?.Value);
        Assert.False(string.IsNullOrEmpty(error.Element("Message")?.Value));
        return error;
    }
}
