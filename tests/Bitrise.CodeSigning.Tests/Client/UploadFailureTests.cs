using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>
/// Each stage of an upload failing or canceled, against WireMock as the API and the storage: the created entry is
/// deleted exactly once (never when the create failed), and the error names the stage and the slugs.
/// </summary>
public sealed class UploadFailureTests
{
    private const string App = "demo-app";
    private const string FileSlug = "file-1";
    private const string Collection = $"/v0.1/apps/{App}/build-certificates";
    private const string EntryPath = $"{Collection}/{FileSlug}";
    private const string StoragePath = "/bucket/file-1.p12";
    private const string ForeignSlug = "foreign-1";
    private const string ForeignEntryPath = $"{Collection}/{ForeignSlug}";

    /// <summary>A list page with the unprocessed entry of another upload of the same name and size as <see cref="Source"/>.</summary>
    private const string ForeignEntryPage =
        $$$"""{"data":[{"slug":"{{{ForeignSlug}}}","upload_file_name":"cert.p12","upload_file_size":4,"processed":false}],"paging":{"total_item_count":1,"page_item_limit":50}}""";

    [Fact]
    public async Task CreateFailure_NamesStageWithoutDelete()
    {
        using var mock = MockApi.Start();
        mock.Respond("POST", Collection, 500, """{"message":"internal error"}""");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.Equal(CodeSigningFileKind.BuildCertificate, exception.Kind);
        Assert.Equal(App, exception.AppSlug);
        Assert.Null(exception.FileSlug);
        Assert.False(exception.EntryDeleted);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.IsType<CodeSigningApiException>(exception.InnerException);
        Assert.Contains("failed at stage Create (the create of the entry)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, DeleteCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task LostCreate_ForeignEntryBeforeCreate_KeepsIt()
    {
        using var mock = MockApi.Start();
        mock.Respond("GET", Collection, 200, ForeignEntryPage);
        RespondToLostCreate(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.Null(exception.FileSlug);
        Assert.False(exception.EntryDeleted);
        Assert.DoesNotContain(mock.Requests, request => request.Method == "DELETE");
        Assert.Equal(2, mock.Requests.Count(request => request.Method == "GET" && request.Path == Collection));
        Assert.Contains(mock.Logs.Messages, message => message.StartsWith("27 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LostCreate_ListBeforeCreateFailed_DeletesNone()
    {
        using var mock = MockApi.Start();
        var lists = 0;
        mock.RespondWith("GET", Collection, _ => Interlocked.Increment(ref lists) == 1 ? (403, """{"message":"forbidden"}""") : (200, ForeignEntryPage));
        RespondToLostCreate(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.Null(exception.FileSlug);
        Assert.False(exception.EntryDeleted);
        Assert.Contains("the list before the create failed, so none was deleted", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(mock.Requests, request => request.Method == "DELETE");
        Assert.Equal(2, lists);
        Assert.Contains(mock.Logs.Messages, message => message.StartsWith("30 ", StringComparison.Ordinal));
        Assert.Contains(mock.Logs.Messages, message => message.StartsWith("31 ", StringComparison.Ordinal) && message.Contains($"'{ForeignSlug}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateWithoutUploadUrl_DeletesEntry()
    {
        using var mock = MockApi.Start();
        mock.Respond("POST", Collection, 201, """{"data":{"slug":"file-1"}}""");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Create, exception.Stage);
        Assert.Equal(FileSlug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        var cause = Assert.IsType<CodeSigningResponseException>(exception.InnerException);
        Assert.Equal(CodeSigningResponseFailure.InvalidResponse, cause.Failure);
        Assert.Equal(1, DeleteCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PutSignatureMismatch_DeletesEntryOnce()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        RespondToConfirm(mock);
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        var storage = Assert.IsType<CodeSigningStorageException>(exception.InnerException);
        Assert.Equal(UploadStage.Put, exception.Stage);
        Assert.Equal(FileSlug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", storage.ErrorCode);
        Assert.Contains("SignatureDoesNotMatch", exception.Message, StringComparison.Ordinal);
        Assert.Contains("changed on the way", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"entry '{FileSlug}' was deleted", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, DeleteCount(mock));
        Assert.Equal(0, ConfirmCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PutExpiredTwice_RestartsOnceThenGivesUp()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 403, "AccessDenied", "Request has expired");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        var storage = Assert.IsType<CodeSigningStorageException>(exception.InnerException);
        Assert.Equal(UploadStage.Put, exception.Stage);
        Assert.Equal("Request has expired", storage.ServiceMessage);
        Assert.Equal("Request has expired", exception.ServiceMessage);
        Assert.True(exception.EntryDeleted);
        Assert.Contains("expired", exception.Message, StringComparison.Ordinal);
        Assert.Contains("so it gave up", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, mock.Requests.Count(request => request.Method == "POST" && request.Path == Collection));
        Assert.Equal(2, DeleteCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PutHtmlError_GivesStatusAndExcerpt()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        mock.Server
            .Given(Request.Create().UsingPut().WithPath(StoragePath))
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>\n<body><h1>502 Bad Gateway</h1>\n</body></html>"));
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        var storage = Assert.IsType<CodeSigningStorageException>(exception.InnerException);
        Assert.Equal(HttpStatusCode.BadGateway, storage.StatusCode);
        Assert.Null(storage.ErrorCode);
        Assert.Contains("failed with 502 (BadGateway). The body is not an S3 error document and starts with: <html> <body><h1>502 Bad Gateway</h1> </body></html>", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, DeleteCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PutErrorEchoingUrl_OmitsSignature()
    {
        using var mock = MockApi.Start();
        var uploadUrl = StorageUrl(mock.Origin);
        RespondToCreate(mock, uploadUrl);
        mock.Server
            .Given(Request.Create().UsingPut().WithPath(StoragePath))
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "text/plain").WithBody($"Bad request for {uploadUrl} (Signature {SecretScan.Signature})"));
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Contains("failed with 400 (BadRequest). The body is not an S3 error document.", exception.Message, StringComparison.Ordinal);
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PutConnectionReset_DeletesEntryOnce()
    {
        await using var storage = RawHttpServer.ResettingAfterHead();
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(storage.Origin));
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Put, exception.Stage);
        Assert.Equal(FileSlug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        Assert.Null(exception.StatusCode);
        var cause = Assert.IsType<CodeSigningResponseException>(exception.InnerException);
        Assert.Equal(CodeSigningResponseFailure.NoResponse, cause.Failure);
        Assert.True(storage.ResetConnections >= 1);
        Assert.Contains("Check the network connection to the storage host", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, DeleteCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task ConfirmFailure_DeletesEntryOnce()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 200, code: null, message: null);
        mock.Respond("POST", $"{EntryPath}/uploaded", 500, """{"message":"internal error"}""");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Confirm, exception.Stage);
        Assert.Equal(FileSlug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal("POST", exception.Method);
        Assert.Equal($"{EntryPath}/uploaded", exception.Path);
        Assert.Contains("failed at stage Confirm (the confirm of the upload)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, DeleteCount(mock));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PasswordRejected_DeletesEntryOnce()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 200, code: null, message: null);
        RespondToConfirm(mock);
        mock.Respond("PATCH", EntryPath, 400, $$"""{"message":"certificate_password '{{SecretScan.CertificatePassword}}' does not open the .p12"}""");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, SecretScan.CertificatePassword));

        Assert.Equal(UploadStage.SetPassword, exception.Stage);
        Assert.Equal(FileSlug, exception.FileSlug);
        Assert.True(exception.EntryDeleted);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("failed at stage SetPassword (the PATCH of the certificate password)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, DeleteCount(mock));
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains(SecretScan.CertificatePassword, StringComparison.Ordinal));
        SecretScan.AssertClean(exception);
    }

    [Theory]
    [InlineData(@"p<w>&'+x-12345", @"p\u003Cw\u003E\u0026\u0027\u002Bx-12345")]
    [InlineData(@"p<w>&'+x-12345", @"p\u003cw\u003e\u0026\u0027\u002bx-12345")]
    [InlineData(@"p/ss+word-12345", @"p\/ss\u002Bword-12345")]
    [InlineData(@"p/ss+word-12345", @"\u0070\u002f\u0073\u0073\u002B\u0077\u006F\u0072\u0064\u002d\u0031\u0032\u0033\u0034\u0035")]
    public async Task PasswordEchoedAsJson_IsRedacted(string password, string echoed)
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 200, code: null, message: null);
        RespondToConfirm(mock);
        mock.Respond("PATCH", EntryPath, 400, "{\"message\":\"certificate_password " + echoed + " does not open the file\"}");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password));

        var texts = ExceptionTexts(exception);
        Assert.DoesNotContain(texts, text => text.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains(echoed, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(texts, text => text.Contains("[redacted]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutErrorEchoingEscapedUrl_RedactsQuery()
    {
        using var mock = MockApi.Start();
        var uploadUrl = $"{mock.Origin}{StoragePath}?sv=2025-01-05&sig={SecretScan.Signature}";
        RespondToCreate(mock, uploadUrl);
        var echoed = uploadUrl.Replace("/", "\\/", StringComparison.Ordinal).Replace("&", "\\u0026", StringComparison.Ordinal);
        mock.Server
            .Given(Request.Create().UsingPut().WithPath(StoragePath))
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody("{\"error\":\"bad request\",\"url\":\"" + echoed + "\"}"));
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Contains("p12?[redacted]", exception.Message, StringComparison.Ordinal);
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task PasswordCutByExcerptLimit_IsRedacted()
    {
        const string Password = "cut-secret-7f3a91";
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 200, code: null, message: null);
        RespondToConfirm(mock);

        // The body has no JSON "message", so the exception message quotes it, cut to 199 characters and an
        // ellipsis. The first 6 characters of the password are the last ones kept.
        var filler = new string('x', 199 - "<p>".Length - 6);
        mock.Respond("PATCH", EntryPath, 400, "<p>" + filler + Password + "</p>");
        RespondToDelete(mock);

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, Password));

        var texts = ExceptionTexts(exception);
        Assert.DoesNotContain(texts, text => text.Contains(Password[..6], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Password_SetAfterConfirm()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 200, code: null, message: null);
        RespondToConfirm(mock);
        mock.Respond("PATCH", EntryPath, 200, $$$"""{"data":{"slug":"file-1","certificate_password":"{{{SecretScan.CertificatePassword}}}"}}""");

        var item = await UploadAsync(mock, SecretScan.CertificatePassword);

        var requests = mock.Requests;
        Assert.Equal(SecretScan.CertificatePassword, item.CertificatePassword);
        Assert.Equal(["GET", "POST", "PUT", "POST", "PATCH"], requests.Select(request => request.Method));
        Assert.Equal($$"""{"certificate_password":"{{SecretScan.CertificatePassword}}"}""", requests[4].Body);
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains(SecretScan.CertificatePassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CleanupFailure_ReportsEntryLeftOver()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 403, "AccessDenied", "Request has expired");
        mock.Respond("DELETE", EntryPath, 500, """{"message":"internal error"}""");

        var exception = await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Equal(UploadStage.Put, exception.Stage);
        Assert.False(exception.EntryDeleted);
        Assert.Contains($"entry '{FileSlug}' could not be deleted: delete it with DeleteAsync", exception.Message, StringComparison.Ordinal);
        Assert.IsType<CodeSigningStorageException>(exception.InnerException);
        Assert.True(DeleteCount(mock) >= 1);
        Assert.Contains(mock.Logs.Messages, message => message.StartsWith("17 ", StringComparison.Ordinal) && message.Contains($"'{FileSlug}'", StringComparison.Ordinal));
        SecretScan.AssertClean(exception);
    }

    [Fact]
    public async Task StageFailure_LogsDeletedEntry()
    {
        using var mock = MockApi.Start();
        RespondToCreate(mock, StorageUrl(mock.Origin));
        RespondToPut(mock, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        RespondToDelete(mock);

        await Assert.ThrowsAsync<CodeSigningUploadException>(() => UploadAsync(mock, password: null));

        Assert.Contains(mock.Logs.Messages, message => message.StartsWith("16 ", StringComparison.Ordinal) && message.Contains($"'{FileSlug}'", StringComparison.Ordinal) && message.Contains("stage Put", StringComparison.Ordinal));
        Assert.DoesNotContain(mock.Logs.Messages, message => message.Contains(SecretScan.Signature, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(UploadStage.Create, 0)]
    [InlineData(UploadStage.Put, 1)]
    [InlineData(UploadStage.Confirm, 1)]
    [InlineData(UploadStage.SetPassword, 1)]
    public async Task Cancel_AtEachStage_DeletesCreatedEntry(UploadStage stage, int expectedDeletes)
    {
        using var mock = MockApi.Start();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var release = new ManualResetEventSlim();
        var created = new JsonObject { ["data"] = new JsonObject { ["slug"] = FileSlug, ["upload_url"] = StorageUrl(mock.Origin) } }.ToJsonString();
        RespondOrCancel(mock, "POST", Collection, 201, created, stage == UploadStage.Create, cancellation, release);
        RespondOrCancel(mock, "PUT", StoragePath, 200, string.Empty, stage == UploadStage.Put, cancellation, release);
        RespondOrCancel(mock, "POST", $"{EntryPath}/uploaded", 200, """{"data":{"slug":"file-1"}}""", stage == UploadStage.Confirm, cancellation, release);
        RespondOrCancel(mock, "PATCH", EntryPath, 200, """{"data":{"slug":"file-1"}}""", stage == UploadStage.SetPassword, cancellation, release);
        RespondToDelete(mock);

        try
        {
            var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => mock.Files.UploadBuildCertificateAsync(App, Source(), SecretScan.CertificatePassword, cancellation.Token));

            Assert.Equal(cancellation.Token, exception.CancellationToken);
            Assert.Equal(expectedDeletes, DeleteCount(mock));
            SecretScan.AssertClean(exception);
        }
        finally
        {
            release.Set();
        }
    }

    private static Task<BuildCertificateResponseItemModel> UploadAsync(MockApi mock, string? password)
        => mock.Files.UploadBuildCertificateAsync(App, Source(), password, TestContext.Current.CancellationToken);

    private static UploadSource Source() => UploadSource.FromStream(new MemoryStream([1, 2, 3, 4]), 4, "cert.p12");

    private static string StorageUrl(string origin)
        => $"{origin}{StoragePath}?X-Amz-Credential=AKIA%2F20260101&X-Amz-Signature={SecretScan.Signature}";

    private static void RespondToCreate(MockApi mock, string uploadUrl)
        => mock.Respond("POST", Collection, 201, new JsonObject { ["data"] = new JsonObject { ["slug"] = FileSlug, ["upload_url"] = uploadUrl } }.ToJsonString());

    /// <summary>Answers the create with 500, so its response counts as lost, and would delete the foreign entry if asked to.</summary>
    private static void RespondToLostCreate(MockApi mock)
    {
        mock.Respond("POST", Collection, 500, """{"message":"internal error"}""");
        mock.Respond("DELETE", ForeignEntryPath, 200, $$$"""{"data":{"slug":"{{{ForeignSlug}}}"}}""");
    }

    private static void RespondToConfirm(MockApi mock)
        => mock.Respond("POST", $"{EntryPath}/uploaded", 200, """{"data":{"slug":"file-1","processed":true}}""");

    private static void RespondToDelete(MockApi mock)
        => mock.Respond("DELETE", EntryPath, 200, """{"data":{"slug":"file-1"}}""");

    private static void RespondToPut(MockApi mock, int status, string? code, string? message)
    {
        var body = code is null ? string.Empty : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>";
        mock.Server
            .Given(Request.Create().UsingPut().WithPath(StoragePath))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/xml").WithBody(body));
    }

    /// <summary>
    /// Responds to a request normally, or, when <paramref name="cancel"/> is set, cancels the caller's token as the
    /// request arrives and delays the response until <paramref name="release"/> is set.
    /// </summary>
    private static void RespondOrCancel(MockApi mock, string method, string path, int status, string body, bool cancel, CancellationTokenSource cancellation, ManualResetEventSlim release)
        => mock.Server
            .Given(Request.Create().UsingMethod(method).WithPath(path))
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                if (cancel)
                {
                    cancellation.Cancel();
                    release.Wait(TimeSpan.FromSeconds(30));
                }

                return new ResponseMessage
                {
                    StatusCode = status,
                    BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
                };
            }));

    private static int DeleteCount(MockApi mock)
        => mock.Requests.Count(request => request.Method == "DELETE" && request.Path == EntryPath);

    private static int ConfirmCount(MockApi mock)
        => mock.Requests.Count(request => request.Path == $"{EntryPath}/uploaded");

    /// <summary>Returns the message, service message and response excerpt of the exception and every inner one.</summary>
    private static string[] ExceptionTexts(Exception exception)
    {
        var texts = new System.Collections.Generic.List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            texts.Add(current.Message);
            if (current is CodeSigningApiException api)
            {
                texts.Add(api.ServiceMessage ?? string.Empty);
                texts.Add(api.ResponseExcerpt ?? string.Empty);
            }
        }

        return texts.ToArray();
    }
}
