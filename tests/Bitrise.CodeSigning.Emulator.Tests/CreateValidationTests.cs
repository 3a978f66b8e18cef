using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class CreateValidationTests
{
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "provisioning-profiles", """{"upload_file_size": 1}""", "upload_file_name is required" },
        { "provisioning-profiles", """{"upload_file_name": "a.mobileprovision"}""", "upload_file_size is required" },
        { "provisioning-profiles", """{"upload_file_name": 5, "upload_file_size": 1}""", "upload_file_name must be a string" },
        { "provisioning-profiles", """{"upload_file_name": "", "upload_file_size": 1}""", "upload_file_name must not be empty" },
        { "build-certificates", """{"upload_file_name": "a.p12", "upload_file_size": "10"}""", "upload_file_size must be an integer" },
        { "build-certificates", """{"upload_file_name": "a.p12", "upload_file_size": 1.5}""", "upload_file_size must be an integer" },
        { "build-certificates", """{"upload_file_name": "a.p12", "upload_file_size": -1}""", "upload_file_size must not be negative" },
        { "generic-project-files", """{"upload_file_name": "a.json", "upload_file_size": 1}""", "user_env_key is required" },
        { "generic-project-files", """{"upload_file_name": "a.json", "upload_file_size": 1, "user_env_key": ""}""", "user_env_key must not be empty" },
        { "android-keystore-files", """{"upload_file_name": "a.jks", "upload_file_size": 1, "password": "p", "private_key_password": "k"}""", "alias is required" },
        { "android-keystore-files", """{"upload_file_name": "a.jks", "upload_file_size": 1, "alias": "a", "private_key_password": "k"}""", "password is required" },
        { "android-keystore-files", """{"upload_file_name": "a.jks", "upload_file_size": 1, "alias": "a", "password": "p"}""", "private_key_password is required" },
        { "android-keystore-files", """{"upload_file_name": "a.jks", "upload_file_size": 1, "alias": true, "password": "p", "private_key_password": "k"}""", "alias must be a string" },
        { "provisioning-profiles", """[1, 2]""", "must be a JSON object" },
        { "provisioning-profiles", """{"upload_file_name": """, "not valid JSON" },
        { "provisioning-profiles", "", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Create_InvalidBody_Returns400NamingField(string kind, string body, string expectedMessage)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await session.Api.PostAsync(session.ApiUrl($"apps/demo-app/{kind}"), content, EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expectedMessage, await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Create_SizeAboveMaximum_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { MaxUploadBytes = 100 });

        using var response = await session.SendJsonAsync(HttpMethod.Post, "apps/demo-app/provisioning-profiles", EmulatorSession.CreateBody("provisioning-profiles", 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("101", await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task Create_SizeAtMaximum_Returns201()
    {
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { MaxUploadBytes = 100 });

        var created = await session.CreateAsync("provisioning-profiles", 100);

        Assert.Equal(100L, (long?)created["upload_file_size"]);
    }

    [Fact]
    public async Task Create_UnknownField_IsIgnored()
    {
        await using var session = await EmulatorSession.StartAsync();
        var body = EmulatorSession.CreateBody("provisioning-profiles", 1);
        body["unexpected"] = new JsonArray(1, 2);

        using var response = await session.SendJsonAsync(HttpMethod.Post, "apps/demo-app/provisioning-profiles", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_Keystore_ExposesCredentialsInMetaDatastore()
    {
        await using var session = await EmulatorSession.StartAsync();

        var created = await session.CreateAsync("android-keystore-files", 1);
        var metadata = created["exposed_meta_datastore"]!.AsObject();

        Assert.Equal("upload", (string?)metadata["ALIAS"]);
        Assert.Equal("store-secret", (string?)metadata["PASSWORD"]);
        Assert.Equal("key-secret", (string?)metadata["PRIVATE_KEY_PASSWORD"]);
    }

    [Fact]
    public async Task Create_GenericFile_KeepsUserEnvKey()
    {
        await using var session = await EmulatorSession.StartAsync();

        var created = await session.CreateAsync("generic-project-files", 1);

        Assert.Equal("MY_FILE", (string?)created["user_env_key"]);
        Assert.Null(created["exposed_meta_datastore"]);
    }
}
