using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>The three stages of an upload against WireMock (the API) and a raw socket server (the storage).</summary>
public sealed class UploadTests
{
    private const string App = "demo-app";

    // Escapes that URL canonicalization would rewrite (%3B, %7E) or decode (%2F), in the path and in the signed query.
    private const string StorageTarget = "/bucket/apps%2Fdemo/file%3Bv1%7E.bin?X-Amz-Credential=AKIA%2F20260101&X-Amz-Signature=ab%2Fcd%7Eef";

    [Theory]
    [MemberData(nameof(UploadCases.Kinds), MemberType = typeof(UploadCases))]
    public async Task Upload_SendsExactStoragePut(CodeSigningFileKind kind)
    {
        var upload = UploadCases.All[kind];
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();
        await using var storage = new RawHttpServer(_ => (200, "application/xml", string.Empty));
        using var mock = MockApi.Start();
        RespondToUpload(mock, upload.Collection, storage.Origin + StorageTarget);

        var slug = await upload.Upload(mock.Files, App, UploadSource.FromStream(new MemoryStream(bytes), bytes.Length, "file.bin"), TestContext.Current.CancellationToken);

        var put = Assert.Single(storage.Requests);
        Assert.Equal("file-1", slug);
        Assert.Equal("PUT", put.Method);
        Assert.Equal(StorageTarget, put.Target);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), put.Headers["Content-Length"]);
        Assert.False(put.Headers.ContainsKey("Transfer-Encoding"));
        Assert.False(put.Headers.ContainsKey("Authorization"));
        Assert.Equal(bytes, put.Body);
    }

    [Theory]
    [MemberData(nameof(UploadCases.Kinds), MemberType = typeof(UploadCases))]
    public async Task Upload_CreatesThenConfirms(CodeSigningFileKind kind)
    {
        var upload = UploadCases.All[kind];
        await using var storage = new RawHttpServer(_ => (200, "application/xml", string.Empty));
        using var mock = MockApi.Start();
        RespondToUpload(mock, upload.Collection, storage.Origin + "/bucket/key?sig=1");

        await upload.Upload(mock.Files, App, UploadSource.FromStream(new MemoryStream([1, 2, 3]), 3, "file.bin"), TestContext.Current.CancellationToken);

        // The list before the create records the unprocessed entries of the same name and size.
        var requests = mock.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal("GET", requests[0].Method);
        Assert.Equal($"/v0.1/apps/{App}/{upload.Collection}", requests[0].Path);
        Assert.Equal("POST", requests[1].Method);
        Assert.Equal($"/v0.1/apps/{App}/{upload.Collection}", requests[1].Path);
        Assert.Equal("file.bin", JsonNode.Parse(requests[1].Body!)!["upload_file_name"]!.GetValue<string>());
        Assert.Equal(3, JsonNode.Parse(requests[1].Body!)!["upload_file_size"]!.GetValue<long>());
        Assert.Equal("POST", requests[2].Method);
        Assert.Equal($"/v0.1/apps/{App}/{upload.Collection}/file-1/uploaded", requests[2].Path);
    }

    [Theory]
    [InlineData(CodeSigningFileKind.ProvisioningProfile)]
    [InlineData(CodeSigningFileKind.BuildCertificate)]
    [InlineData(CodeSigningFileKind.AndroidKeystoreFile)]
    public async Task Upload_RejectsEmptySigningFile(CodeSigningFileKind kind)
    {
        using var mock = MockApi.Start();

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => UploadCases.All[kind].Upload(mock.Files, App, UploadSource.FromStream(new MemoryStream(), 0, "empty.bin"), TestContext.Current.CancellationToken));

        Assert.Equal("source", exception.ParamName);
        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
        Assert.Empty(mock.Requests);
    }

    [Fact]
    public async Task Upload_SendsEmptyGenericFile()
    {
        await using var storage = new RawHttpServer(_ => (200, "application/xml", string.Empty));
        using var mock = MockApi.Start();
        RespondToUpload(mock, "generic-project-files", storage.Origin + "/bucket/empty?sig=1");

        var item = await mock.Files.UploadGenericProjectFileAsync(App, "EMPTY_URL", UploadSource.FromStream(new MemoryStream(), 0, "empty.txt"), TestContext.Current.CancellationToken);

        var put = Assert.Single(storage.Requests);
        Assert.Equal("file-1", item.Slug);
        Assert.Equal("0", put.Headers["Content-Length"]);
        Assert.Empty(put.Body);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(8, 5)]
    public async Task Upload_RejectsStreamOfWrongLength(int actualLength, int declaredLength)
    {
        await using var storage = new RawHttpServer(_ => (200, "application/xml", string.Empty));
        using var mock = MockApi.Start();
        RespondToUpload(mock, "build-certificates", storage.Origin + "/bucket/key?sig=1");
        var source = UploadSource.FromStream(new MemoryStream(new byte[actualLength]), declaredLength, "cert.p12");

        var failure = await Assert.ThrowsAsync<CodeSigningUploadException>(
            () => mock.Files.UploadBuildCertificateAsync(App, source, cancellationToken: TestContext.Current.CancellationToken));

        var exception = Assert.IsType<CodeSigningStorageException>(failure.InnerException);
        Assert.Equal(UploadStage.Put, failure.Stage);
        Assert.Equal(CodeSigningStorageFailure.InvalidUploadSource, exception.Failure);
        Assert.Contains($"declared length is {declaredLength} bytes", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(mock.Requests, request => request.Path.EndsWith("/uploaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_StreamsFileFromPath()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
            await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
            await using var storage = new RawHttpServer(_ => (200, "application/xml", string.Empty));
            using var mock = MockApi.Start();
            RespondToUpload(mock, "provisioning-profiles", storage.Origin + "/bucket/key?sig=1");

            await mock.Files.UploadProvisioningProfileAsync(App, UploadSource.FromFile(path), TestContext.Current.CancellationToken);

            var put = Assert.Single(storage.Requests);
            Assert.Equal(Path.GetFileName(path), JsonNode.Parse(mock.Requests.Single(request => request.Method == "POST" && !request.Path.EndsWith("/uploaded", StringComparison.Ordinal)).Body!)!["upload_file_name"]!.GetValue<string>());
            Assert.Equal("200000", put.Headers["Content-Length"]);
            Assert.Equal(bytes, put.Body);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Upload_LogsEachStage()
    {
        await using var storage = new RawHttpServer(_ => (200, "application/xml", string.Empty));
        using var mock = MockApi.Start();
        RespondToUpload(mock, "provisioning-profiles", storage.Origin + "/bucket/profile?X-Amz-Signature=secret-signature");

        await mock.Files.UploadProvisioningProfileAsync(App, UploadSource.FromStream(new MemoryStream([1, 2]), 2, "dev.mobileprovision"), TestContext.Current.CancellationToken);

        var messages = mock.Logs.Messages.ToArray();
        Assert.Contains(messages, message => message.StartsWith("1 ", StringComparison.Ordinal) && message.Contains("'demo-app'", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("2 ", StringComparison.Ordinal) && message.Contains("path /bucket/profile.", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("3 ", StringComparison.Ordinal) && message.Contains("'file-1'", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("4 ", StringComparison.Ordinal) && message.Contains("'file-1'", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, message => message.Contains("secret-signature", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, message => message.Contains(MockApi.AccessToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_MapsStorageXmlError()
    {
        using var mock = MockApi.Start();
        RespondToUpload(mock, "build-certificates", mock.Origin + "/bucket/key.p12?X-Amz-Signature=secret-signature");
        mock.Server
            .Given(Request.Create().UsingPut().WithPath("/bucket/key.p12"))
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/xml").WithBody(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                + "<CanonicalRequest>PUT /bucket/key.p12 X-Amz-Signature=secret-signature</CanonicalRequest></Error>"));

        var failure = await Assert.ThrowsAsync<CodeSigningUploadException>(
            () => mock.Files.UploadBuildCertificateAsync(App, UploadSource.FromStream(new MemoryStream([1]), 1, "key.p12"), cancellationToken: TestContext.Current.CancellationToken));

        var exception = Assert.IsType<CodeSigningStorageException>(failure.InnerException);
        Assert.Equal(CodeSigningStorageFailure.RequestFailed, exception.Failure);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("AccessDenied", exception.ErrorCode);
        Assert.Equal("Request has expired", exception.ServiceMessage);
        Assert.Equal("PUT", exception.Method);
        Assert.Equal(mock.Origin + "/bucket/key.p12", exception.Url);
        Assert.DoesNotContain("?", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-signature", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains("secret-signature", StringComparison.Ordinal));
    }

    /// <summary>Makes the API respond to the create with <paramref name="uploadUrl"/> and to the confirm with the item.</summary>
    internal static void RespondToUpload(MockApi mock, string collection, string uploadUrl)
    {
        var created = new JsonObject { ["data"] = new JsonObject { ["slug"] = "file-1", ["upload_url"] = uploadUrl } };
        mock.Respond("GET", $"/v0.1/apps/{App}/{collection}", 200, """{"data":[],"paging":{"total_item_count":0,"page_item_limit":50}}""");
        mock.Respond("POST", $"/v0.1/apps/{App}/{collection}", 201, created.ToJsonString());
        mock.Respond("POST", $"/v0.1/apps/{App}/{collection}/file-1/uploaded", 200, """{"data":{"slug":"file-1","processed":false}}""");
    }
}
