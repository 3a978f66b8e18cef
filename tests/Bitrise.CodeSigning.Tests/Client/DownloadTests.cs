using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>Downloads through the show operation and the storage client, against WireMock.</summary>
public sealed class DownloadTests
{
    private const string App = "demo-app";
    private static readonly byte[] Bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();

    [Theory]
    [InlineData(CodeSigningFileKind.ProvisioningProfile, "provisioning-profiles")]
    [InlineData(CodeSigningFileKind.BuildCertificate, "build-certificates")]
    [InlineData(CodeSigningFileKind.GenericProjectFile, "generic-project-files")]
    [InlineData(CodeSigningFileKind.AndroidKeystoreFile, "android-keystore-files")]
    public async Task Download_WritesStoredBytes(CodeSigningFileKind kind, string collection)
    {
        using var mock = MockApi.Start();
        RespondToShow(mock, collection, Convert.ToHexString(SHA256.HashData(Bytes)).ToLowerInvariant());
        using var destination = new MemoryStream();

        var length = await mock.Files.DownloadAsync(kind, App, "file-1", destination, TestContext.Current.CancellationToken);

        var storageRequest = mock.Requests.Single(request => request.Path == "/bucket/file-1");
        Assert.Equal(Bytes.Length, length);
        Assert.Equal(Bytes, destination.ToArray());
        Assert.False(storageRequest.Headers!.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData(CodeSigningFileKind.BuildCertificate, "build-certificates")]
    [InlineData(CodeSigningFileKind.AndroidKeystoreFile, "android-keystore-files")]
    public async Task Download_RejectsShaMismatch(CodeSigningFileKind kind, string collection)
    {
        using var mock = MockApi.Start();
        var wrongSha256 = new string('0', 64);
        RespondToShow(mock, collection, wrongSha256);

        var exception = await Assert.ThrowsAsync<CodeSigningStorageException>(
            () => mock.Files.DownloadAsync(kind, App, "file-1", new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(CodeSigningStorageFailure.ChecksumMismatch, exception.Failure);
        Assert.Contains(wrongSha256, exception.Message, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(Bytes)).ToLowerInvariant(), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_RejectsMalformedSha()
    {
        using var mock = MockApi.Start();
        RespondToShow(mock, "build-certificates", "not-a-sha");

        var exception = await Assert.ThrowsAsync<CodeSigningStorageException>(
            () => mock.Files.DownloadAsync(CodeSigningFileKind.BuildCertificate, App, "file-1", new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(CodeSigningStorageFailure.ChecksumMismatch, exception.Failure);
        Assert.Contains("'not-a-sha'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(mock.Requests, request => request.Path == "/bucket/file-1");
    }

    [Fact]
    public async Task Download_ProtectedFileFails()
    {
        using var mock = MockApi.Start();
        mock.Respond("GET", $"/v0.1/apps/{App}/build-certificates/file-1", 200, """{"data":{"slug":"file-1","is_protected":true}}""");

        var exception = await Assert.ThrowsAsync<CodeSigningStorageException>(
            () => mock.Files.DownloadAsync(CodeSigningFileKind.BuildCertificate, App, "file-1", new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(CodeSigningStorageFailure.NoDownloadUrl, exception.Failure);
        Assert.Contains("'file-1'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("protected file cannot be downloaded through the API", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_MapsStorageNotFound()
    {
        using var mock = MockApi.Start();
        mock.Respond("GET", $"/v0.1/apps/{App}/provisioning-profiles/file-1", 200,
            new JsonObject { ["data"] = new JsonObject { ["download_url"] = mock.Origin + "/bucket/gone?X-Amz-Signature=secret-signature" } }.ToJsonString());
        mock.Server
            .Given(Request.Create().UsingGet().WithPath("/bucket/gone"))
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"));

        var exception = await Assert.ThrowsAsync<CodeSigningStorageException>(
            () => mock.Files.DownloadAsync(CodeSigningFileKind.ProvisioningProfile, App, "file-1", new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("NoSuchKey", exception.ErrorCode);
        Assert.Equal("GET", exception.Method);
        Assert.DoesNotContain("secret-signature", exception.ToString(), StringComparison.Ordinal);
    }

    private static void RespondToShow(MockApi mock, string collection, string fileSha256)
    {
        var show = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["slug"] = "file-1",
                ["download_url"] = mock.Origin + "/bucket/file-1?X-Amz-Signature=ab%2Fcd",
                ["file_sha256"] = fileSha256,
                ["is_protected"] = false,
            },
        };
        mock.Respond("GET", $"/v0.1/apps/{App}/{collection}/file-1", 200, show.ToJsonString());
        mock.Server
            .Given(Request.Create().UsingGet().WithPath("/bucket/file-1"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(Bytes));
    }
}
