using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class UpdateRuleTests
{
    /// <summary>
    /// Each row: the file's state before the PATCH (protected, exposed, processed), the PATCH body, and the message
    /// part of the expected 400, or null when the PATCH must succeed.
    /// </summary>
    public static TheoryData<bool, bool, bool, string, string?> Rules => new()
    {
        // is_protected: false -> true is allowed, true -> false never is.
        { false, true, false, """{"is_protected": true}""", null },
        { false, true, false, """{"is_protected": false}""", null },
        { true, true, false, """{"is_protected": true}""", null },
        { true, true, false, """{"is_protected": false}""", "is_protected cannot be changed once it is true" },

        // is_expose: free while unprotected, fixed while protected.
        { false, true, false, """{"is_expose": false}""", null },
        { false, false, false, """{"is_expose": true}""", null },
        { true, true, false, """{"is_expose": true}""", null },
        { true, true, false, """{"is_expose": false}""", "is_expose cannot be changed while is_protected is true" },
        { true, false, false, """{"is_expose": true}""", "is_expose cannot be changed while is_protected is true" },

        // processed: false -> true needs an upload (every row here has one), true -> false never is allowed.
        { false, true, false, """{"processed": true}""", null },
        { false, true, false, """{"processed": false}""", null },
        { false, true, true, """{"processed": true}""", null },
        { false, true, true, """{"processed": false}""", "processed cannot be changed once it is true" },

        // Several fields at once: rules look at the state before the request, and one broken rule rejects it all.
        { false, true, false, """{"is_protected": true, "is_expose": false}""", null },
        { true, true, true, """{"is_protected": true, "is_expose": true, "processed": true}""", null },
        { true, true, true, """{"is_expose": true, "processed": false}""", "processed cannot be changed once it is true" },
        { false, true, false, """{}""", null },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Patch_StateAndRequest_FollowsRules(bool isProtected, bool isExpose, bool processed, string body, string? expectedError)
    {
        await using var session = await EmulatorSession.StartAsync();
        var path = await CreateInStateAsync(session, isProtected, isExpose, processed);

        using var response = await session.SendJsonAsync(HttpMethod.Patch, path, JsonNode.Parse(body));
        var after = await GetAsync(session, path);

        if (expectedError is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var requested = JsonNode.Parse(body)!.AsObject();
            var updated = await EmulatorSession.ReadDataAsync(response);
            Assert.Equal((bool?)requested["is_protected"] ?? isProtected, (bool?)updated["is_protected"]);
            Assert.Equal((bool?)requested["is_expose"] ?? isExpose, (bool?)updated["is_expose"]);
            Assert.Equal((bool?)requested["processed"] ?? processed, (bool?)updated["processed"]);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expectedError + ".", await EmulatorSession.ReadMessageAsync(response));
            Assert.Equal(isProtected, (bool?)after["is_protected"]);
            Assert.Equal(isExpose, (bool?)after["is_expose"]);
            Assert.Equal(processed, (bool?)after["processed"]);
        }
    }

    [Fact]
    public async Task Patch_ProcessedBeforeUpload_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("build-certificates", 3);

        using var response = await session.SendJsonAsync(HttpMethod.Patch, $"apps/demo-app/build-certificates/{created["slug"]}", new JsonObject { ["processed"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("was not uploaded", await EmulatorSession.ReadMessageAsync(response));
    }

    [Theory]
    [InlineData("""{"is_protected": "yes"}""", "is_protected must be a boolean")]
    [InlineData("""{"is_expose": 1}""", "is_expose must be a boolean")]
    [InlineData("""{"certificate_password": 123}""", "certificate_password must be a string")]
    [InlineData("""true""", "must be a JSON object")]
    public async Task Patch_WrongType_Returns400(string body, string expectedMessage)
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("build-certificates", 3);

        using var response = await session.SendJsonAsync(HttpMethod.Patch, $"apps/demo-app/build-certificates/{created["slug"]}", JsonNode.Parse(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expectedMessage, await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Patch_BuildCertificate_SetsPassword()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("build-certificates", 3);

        using var response = await session.SendJsonAsync(HttpMethod.Patch, $"apps/demo-app/build-certificates/{created["slug"]}", new JsonObject { ["certificate_password"] = "p12-secret" });

        Assert.Equal("", (string?)created["certificate_password"]);
        Assert.Equal("p12-secret", (string?)(await EmulatorSession.ReadDataAsync(response))["certificate_password"]);
    }

    [Fact]
    public async Task Patch_GenericFile_SetsEnvKeyAndMetadata()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("generic-project-files", 3);
        var body = new JsonObject { ["user_env_key"] = "OTHER_KEY", ["exposed_meta_datastore"] = new JsonObject { ["TEAM"] = "mobile" } };

        using var response = await session.SendJsonAsync(HttpMethod.Patch, $"apps/demo-app/generic-project-files/{created["slug"]}", body);
        var updated = await EmulatorSession.ReadDataAsync(response);

        Assert.Equal("OTHER_KEY", (string?)updated["user_env_key"]);
        Assert.Equal("mobile", (string?)updated["exposed_meta_datastore"]!["TEAM"]);
    }

    [Fact]
    public async Task Patch_Keystore_Returns405Json()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = await session.CreateAsync("android-keystore-files", 3);

        using var response = await session.SendJsonAsync(HttpMethod.Patch, $"apps/demo-app/android-keystore-files/{created["slug"]}", new JsonObject { ["is_expose"] = false });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("PATCH", await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Patch_UnknownSlug_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.SendJsonAsync(HttpMethod.Patch, "apps/demo-app/provisioning-profiles/no-such-slug", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-slug", await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Show_ProtectedFile_HasNoDownloadUrl()
    {
        await using var session = await EmulatorSession.StartAsync();
        var file = await session.CreateProcessedAsync("provisioning-profiles", [1, 2, 3]);
        var path = $"apps/demo-app/provisioning-profiles/{file["slug"]}";

        var before = await GetAsync(session, path);
        using var patch = await session.SendJsonAsync(HttpMethod.Patch, path, new JsonObject { ["is_protected"] = true });
        var after = await GetAsync(session, path);

        Assert.True(before.ContainsKey("download_url"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.True((bool?)after["is_protected"]);
        Assert.False(after.ContainsKey("download_url"));
    }

    private static async Task<string> CreateInStateAsync(EmulatorSession session, bool isProtected, bool isExpose, bool processed)
    {
        var created = await session.CreateAsync("provisioning-profiles", 3);
        var path = $"apps/demo-app/provisioning-profiles/{created["slug"]}";
        using var upload = await session.PutAsync((string)created["upload_url"]!, [1, 2, 3]);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        // Expose before protect, because a protected file's is_expose is fixed.
        var setup = new JsonObject { ["is_expose"] = isExpose, ["processed"] = processed };
        using var first = await session.SendJsonAsync(HttpMethod.Patch, path, setup);
        using var second = await session.SendJsonAsync(HttpMethod.Patch, path, new JsonObject { ["is_protected"] = isProtected });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        return path;
    }

    private static async Task<JsonObject> GetAsync(EmulatorSession session, string path)
    {
        using var response = await session.Api.GetAsync(session.ApiUrl(path), EmulatorSession.Cancellation);
        return await EmulatorSession.ReadDataAsync(response);
    }
}
