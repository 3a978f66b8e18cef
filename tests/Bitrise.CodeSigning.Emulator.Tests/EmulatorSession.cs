using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

/// <summary>
/// A started emulator with an API client that sends the access token and a storage client that sends none, as a
/// real client must not send its Bitrise token to S3.
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    public const string App = "demo-app";

    private EmulatorSession(BitriseEmulator emulator)
    {
        Emulator = emulator;
        Api = new HttpClient();
        Api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", emulator.AccessToken);
        Storage = new HttpClient();
    }

    public BitriseEmulator Emulator { get; }

    public HttpClient Api { get; }

    public HttpClient Storage { get; }

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<EmulatorSession> StartAsync(BitriseEmulatorOptions? options = null) =>
        new(await BitriseEmulator.StartAsync(options, Cancellation));

    /// <summary>Returns the absolute URL of an API path such as <c>apps/demo-app/build-certificates</c>.</summary>
    public string ApiUrl(string relativePath) => $"{Emulator.ApiBaseAddress}/{relativePath}";

    /// <summary>Returns a create request body with every field the kind requires.</summary>
    public static JsonObject CreateBody(string kind, long size, string fileName = "file.bin")
    {
        var body = new JsonObject { ["upload_file_name"] = fileName, ["upload_file_size"] = size };
        if (kind == "generic-project-files")
        {
            body["user_env_key"] = "MY_FILE";
        }

        if (kind == "android-keystore-files")
        {
            body["alias"] = "upload";
            body["password"] = "store-secret";
            body["private_key_password"] = "key-secret";
        }

        return body;
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string relativePath, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, ApiUrl(relativePath));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return Api.SendAsync(request, Cancellation);
    }

    /// <summary>Creates a file and returns its <c>data</c> object, failing the test unless the API returns 201.</summary>
    public async Task<JsonObject> CreateAsync(string kind, long size, string fileName = "file.bin", string app = App)
    {
        using var response = await SendJsonAsync(HttpMethod.Post, $"apps/{app}/{kind}", CreateBody(kind, size, fileName));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await ReadDataAsync(response);
    }

    /// <summary>Creates, uploads and confirms a file and returns the confirmed <c>data</c> object.</summary>
    public async Task<JsonObject> CreateProcessedAsync(string kind, byte[] content, string fileName = "file.bin")
    {
        var created = await CreateAsync(kind, content.Length, fileName);
        using var upload = await PutAsync((string)created["upload_url"]!, content);
        upload.EnsureSuccessStatusCode();
        using var confirm = await SendJsonAsync(HttpMethod.Post, $"apps/{App}/{kind}/{created["slug"]}/uploaded");
        confirm.EnsureSuccessStatusCode();
        return await ReadDataAsync(confirm);
    }

    /// <summary>
    /// Parses a presigned URL without canonicalization. A plain <c>new Uri(url)</c> decodes <c>%7E</c> to <c>~</c>,
    /// which changes the signed query.
    /// </summary>
    public static Uri Verbatim(string url) => new(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public Task<HttpResponseMessage> PutAsync(string url, byte[] content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Verbatim(url)) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return Storage.SendAsync(request, Cancellation);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Storage.GetAsync(Verbatim(url), Cancellation);

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!.AsObject();

    public static async Task<JsonObject> ReadDataAsync(HttpResponseMessage response) =>
        (await ReadJsonAsync(response))["data"]!.AsObject();

    public static async Task<string> ReadMessageAsync(HttpResponseMessage response) =>
        (string)(await ReadJsonAsync(response))["message"]!;

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Storage.Dispose();
        await Emulator.DisposeAsync();
    }
}
