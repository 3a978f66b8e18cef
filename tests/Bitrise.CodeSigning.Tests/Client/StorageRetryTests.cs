using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>Retries of the storage PUT, with the 10 ms first back-off that <see cref="MockApi"/> configures.</summary>
public sealed class StorageRetryTests
{
    private const string App = "demo-app";
    private static readonly byte[] Bytes = [1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public async Task Put_RetriesSeekableSourceAfter503()
    {
        var calls = 0;
        await using var storage = new RawHttpServer(_ => (Interlocked.Increment(ref calls) == 1 ? 503 : 200, "application/xml", string.Empty));
        using var mock = MockApi.Start();
        UploadTests.RespondToUpload(mock, "build-certificates", storage.Origin + "/bucket/key?sig=1");

        var item = await mock.Files.UploadBuildCertificateAsync(App, UploadSource.FromStream(new MemoryStream(Bytes), Bytes.Length, "c.p12"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("file-1", item.Slug);
        Assert.Equal(2, storage.Requests.Count);
        Assert.All(storage.Requests, request => Assert.Equal(Bytes, request.Body));
    }

    [Fact]
    public async Task Put_NeverRetriesNonSeekableSource()
    {
        await using var storage = new RawHttpServer(_ => (503, "application/xml", "<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>"));
        using var mock = MockApi.Start();
        UploadTests.RespondToUpload(mock, "build-certificates", storage.Origin + "/bucket/key?sig=1");

        var failure = await Assert.ThrowsAsync<CodeSigningUploadException>(
            () => mock.Files.UploadBuildCertificateAsync(App, UploadSource.FromStream(new NonSeekableStream(Bytes), Bytes.Length, "c.p12"), cancellationToken: TestContext.Current.CancellationToken));

        var exception = Assert.IsType<CodeSigningStorageException>(failure.InnerException);
        Assert.Equal(UploadStage.Put, failure.Stage);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal("SlowDown", exception.ErrorCode);
        Assert.Single(storage.Requests);
    }
}
