using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class LifecycleTests
{
    public static TheoryData<string> Kinds => new()
    {
        "provisioning-profiles",
        "build-certificates",
        "generic-project-files",
        "android-keystore-files",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Lifecycle_EachKind_CreatesUploadsAndDeletes(string kind)
    {
        await using var session = await EmulatorSession.StartAsync();
        var content = RandomNumberGenerator.GetBytes(4096);

        using var createResponse = await session.SendJsonAsync(HttpMethod.Post, $"apps/demo-app/{kind}", EmulatorSession.CreateBody(kind, content.Length, "my file.bin"));
        Assert.Equal(HttpStatusCode.Created, createResponse.StatusCode);
        var created = await EmulatorSession.ReadDataAsync(createResponse);
        var slug = (string)created["slug"]!;
        var uploadUrl = (string)created["upload_url"]!;
        Assert.Equal("my file.bin", (string?)created["upload_file_name"]);
        Assert.Equal(content.Length, (long?)created["upload_file_size"]);
        Assert.False((bool?)created["processed"]);
        Assert.True((bool?)created["is_expose"]);
        Assert.False((bool?)created["is_protected"]);
        Assert.StartsWith(session.Emulator.StorageBaseAddress.ToString(), uploadUrl, StringComparison.Ordinal);

        using var upload = await session.PutAsync(uploadUrl, content);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        using var confirmResponse = await session.SendJsonAsync(HttpMethod.Post, $"apps/demo-app/{kind}/{slug}/uploaded");
        Assert.Equal(HttpStatusCode.OK, confirmResponse.StatusCode);
        var confirmed = await EmulatorSession.ReadDataAsync(confirmResponse);
        Assert.True((bool?)confirmed["processed"]);
        Assert.False(confirmed.ContainsKey("upload_url"));

        using var showResponse = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/{kind}/{slug}"), EmulatorSession.Cancellation);
        Assert.Equal(HttpStatusCode.OK, showResponse.StatusCode);
        var showData = await EmulatorSession.ReadDataAsync(showResponse);
        var downloadUrl = (string)showData["download_url"]!;
        Assert.StartsWith(session.Emulator.StorageBaseAddress.ToString(), downloadUrl, StringComparison.Ordinal);

        using var download = await session.GetAsync(downloadUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content.Length, download.Content.Headers.ContentLength);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(EmulatorSession.Cancellation));

        using var listResponse = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/{kind}"), EmulatorSession.Cancellation);
        var listed = (await EmulatorSession.ReadJsonAsync(listResponse))["data"]!.AsArray();
        Assert.Equal(slug, (string?)Assert.Single(listed)!["slug"]);

        using var deleteResponse = await session.SendJsonAsync(HttpMethod.Delete, $"apps/demo-app/{kind}/{slug}");
        Assert.Equal(HttpStatusCode.OK, deleteResponse.StatusCode);
        Assert.Equal(slug, (string?)(await EmulatorSession.ReadDataAsync(deleteResponse))["slug"]);

        using var showDeleted = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/{kind}/{slug}"), EmulatorSession.Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, showDeleted.StatusCode);
        Assert.Contains(slug, await EmulatorSession.ReadMessageAsync(showDeleted));

        using var downloadDeleted = await session.GetAsync(downloadUrl);
        Assert.Equal(HttpStatusCode.NotFound, downloadDeleted.StatusCode);
    }

    public static TheoryData<string, string[]> ItemFields => new()
    {
        { "provisioning-profiles", ["slug", "upload_file_name", "upload_file_size", "processed", "is_expose", "is_protected"] },
        { "build-certificates", ["slug", "upload_file_name", "upload_file_size", "processed", "is_expose", "is_protected", "certificate_password", "certificates", "file_sha256"] },
        { "generic-project-files", ["slug", "upload_file_name", "upload_file_size", "processed", "is_expose", "is_protected", "user_env_key", "exposed_meta_datastore"] },
        { "android-keystore-files", ["slug", "upload_file_name", "upload_file_size", "processed", "is_expose", "is_protected", "user_env_key", "exposed_meta_datastore", "file_sha256", "certificate_sha256_fingerprint"] },
    };

    [Theory]
    [MemberData(nameof(ItemFields))]
    public async Task Create_EachKind_ReturnsModelFields(string kind, string[] fields)
    {
        await using var session = await EmulatorSession.StartAsync();

        var created = await session.CreateAsync(kind, 10);

        var expected = fields.Append("upload_url").Order(StringComparer.Ordinal);
        Assert.Equal(expected, created.Select(property => property.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ItemFields))]
    public async Task List_EachKind_ReturnsModelFieldsWithoutUrls(string kind, string[] fields)
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateAsync(kind, 10);

        using var response = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/{kind}"), EmulatorSession.Cancellation);
        var item = (await EmulatorSession.ReadJsonAsync(response))["data"]!.AsArray().Single()!.AsObject();

        Assert.Equal(fields.Order(StringComparer.Ordinal), item.Select(property => property.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Confirm_BuildCertificate_SetsFileSha256()
    {
        await using var session = await EmulatorSession.StartAsync();
        var content = RandomNumberGenerator.GetBytes(100);

        var created = await session.CreateAsync("build-certificates", content.Length);
        var confirmed = await session.CreateProcessedAsync("build-certificates", content);

        Assert.Null((string?)created["file_sha256"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), (string?)confirmed["file_sha256"]);
        Assert.Empty(confirmed["certificates"]!.AsArray());
    }

    [Fact]
    public async Task Confirm_AndroidKeystore_SetsFileSha256()
    {
        await using var session = await EmulatorSession.StartAsync();
        var content = RandomNumberGenerator.GetBytes(100);

        var confirmed = await session.CreateProcessedAsync("android-keystore-files", content);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), (string?)confirmed["file_sha256"]);
        Assert.Null((string?)confirmed["certificate_sha256_fingerprint"]);
        Assert.Equal("ANDROID_KEYSTORE", (string?)confirmed["user_env_key"]);
    }

    [Fact]
    public async Task Confirm_BeforeUpload_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("provisioning-profiles", 10);

        using var response = await session.SendJsonAsync(HttpMethod.Post, $"apps/demo-app/provisioning-profiles/{created["slug"]}/uploaded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("was not uploaded", await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Confirm_Twice_ReturnsProcessedFile()
    {
        await using var session = await EmulatorSession.StartAsync();
        var confirmed = await session.CreateProcessedAsync("provisioning-profiles", [1, 2, 3]);

        using var again = await session.SendJsonAsync(HttpMethod.Post, $"apps/demo-app/provisioning-profiles/{confirmed["slug"]}/uploaded");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((bool?)(await EmulatorSession.ReadDataAsync(again))["processed"]);
    }

    [Fact]
    public async Task Show_BeforeConfirm_HasNoDownloadUrl()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("provisioning-profiles", 3);
        using var upload = await session.PutAsync((string)created["upload_url"]!, [1, 2, 3]);

        using var response = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/provisioning-profiles/{created["slug"]}"), EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.False((await EmulatorSession.ReadDataAsync(response)).ContainsKey("download_url"));
    }

    [Fact]
    public async Task Upload_ZeroLength_IsStoredAndDownloaded()
    {
        await using var session = await EmulatorSession.StartAsync();

        var confirmed = await session.CreateProcessedAsync("generic-project-files", []);
        using var show = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/generic-project-files/{confirmed["slug"]}"), EmulatorSession.Cancellation);
        var downloadUrl = (string)(await EmulatorSession.ReadDataAsync(show))["download_url"]!;
        using var download = await session.GetAsync(downloadUrl);

        Assert.Equal(0L, (long?)confirmed["upload_file_size"]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(0L, download.Content.Headers.ContentLength);
        Assert.Empty(await download.Content.ReadAsByteArrayAsync(EmulatorSession.Cancellation));
    }

    [Fact]
    public async Task Upload_Twice_KeepsLastBytes()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("provisioning-profiles", 3);
        var uploadUrl = (string)created["upload_url"]!;

        using var first = await session.PutAsync(uploadUrl, [1, 1, 1]);
        using var second = await session.PutAsync(uploadUrl, [2, 2, 2]);
        using var confirm = await session.SendJsonAsync(HttpMethod.Post, $"apps/demo-app/provisioning-profiles/{created["slug"]}/uploaded");
        using var show = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/provisioning-profiles/{created["slug"]}"), EmulatorSession.Cancellation);
        var downloadUrl = (string)(await EmulatorSession.ReadDataAsync(show))["download_url"]!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([2, 2, 2], await session.Storage.GetByteArrayAsync(EmulatorSession.Verbatim(downloadUrl), EmulatorSession.Cancellation));
    }

    [Fact]
    public async Task Upload_LargeFile_RoundTrips()
    {
        await using var session = await EmulatorSession.StartAsync();
        var content = RandomNumberGenerator.GetBytes(64 * 1024 * 1024);

        var confirmed = await session.CreateProcessedAsync("generic-project-files", content);
        using var show = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/generic-project-files/{confirmed["slug"]}"), EmulatorSession.Cancellation);
        var downloadUrl = (string)(await EmulatorSession.ReadDataAsync(show))["download_url"]!;
        var downloaded = await session.Storage.GetByteArrayAsync(EmulatorSession.Verbatim(downloadUrl), EmulatorSession.Cancellation);

        Assert.Equal(content.Length, downloaded.Length);
        Assert.True(content.AsSpan().SequenceEqual(downloaded));
    }

    [Fact]
    public async Task Uploads_InParallel_AreAllStored()
    {
        await using var session = await EmulatorSession.StartAsync();
        var contents = Enumerable.Range(0, 8).Select(_ => RandomNumberGenerator.GetBytes(256 * 1024)).ToArray();

        var confirmed = await Task.WhenAll(contents.Select(content => session.CreateProcessedAsync("provisioning-profiles", content)));

        using var list = await session.Api.GetAsync(session.ApiUrl("apps/demo-app/provisioning-profiles"), EmulatorSession.Cancellation);
        Assert.Equal(8, (int?)(await EmulatorSession.ReadJsonAsync(list))["paging"]!["total_item_count"]);
        Assert.All(confirmed, file => Assert.True((bool?)file["processed"]));
    }

    [Fact]
    public async Task Delete_UploadedFile_RemovesStoredBytes()
    {
        await using var session = await EmulatorSession.StartAsync();
        var file = await session.CreateProcessedAsync("provisioning-profiles", [1, 2, 3]);
        var filesBefore = Directory.GetFiles(session.Emulator.BlobDirectoryPath).Length;

        using var response = await session.SendJsonAsync(HttpMethod.Delete, $"apps/demo-app/provisioning-profiles/{file["slug"]}");

        Assert.Equal(1, filesBefore);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Directory.GetFiles(session.Emulator.BlobDirectoryPath));
    }

    [Fact]
    public async Task Delete_Keystore_ReturnsProjectFileModel()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("android-keystore-files", 3);

        using var response = await session.SendJsonAsync(HttpMethod.Delete, $"apps/demo-app/android-keystore-files/{created["slug"]}");
        var deleted = await EmulatorSession.ReadDataAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(deleted.ContainsKey("file_sha256"));
        Assert.True(deleted.ContainsKey("user_env_key"));
    }

    [Fact]
    public async Task Show_SlugOfOtherKind_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("build-certificates", 3);

        using var response = await session.Api.GetAsync(session.ApiUrl($"apps/demo-app/provisioning-profiles/{created["slug"]}"), EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Provisioning profile", await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Api_UnknownApp_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.SendJsonAsync(HttpMethod.Post, "apps/no-such-app/build-certificates", EmulatorSession.CreateBody("build-certificates", 1));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("App 'no-such-app' was not found.", await EmulatorSession.ReadMessageAsync(response));
    }
}
