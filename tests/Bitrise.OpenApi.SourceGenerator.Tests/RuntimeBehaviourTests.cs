using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Compiles the client generated from the Bitrise spec together with a small probe class, loads the assembly
/// and runs the probe, so the tests observe the generated code's behaviour rather than its text.
/// </summary>
public sealed class RuntimeBehaviourTests
{
    private const string ProbeSource = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Bitrise.CodeSigning;

        namespace Probe
        {
            public static class GeneratedCodeProbe
            {
                public static string SerializeUpdate(bool? isProtected, bool setPassword)
                {
                    var change = new BuildCertificateUpdateParams();
                    if (isProtected is not null)
                    {
                        change.IsProtected = isProtected.Value;
                    }

                    if (setPassword)
                    {
                        change.CertificatePassword = "p@ss";
                    }

                    return JsonSerializer.Serialize(change, CodeSigningApiClientJsonSerializerContext.Default.BuildCertificateUpdateParams);
                }

                public static string ReadPagingNext(string json) =>
                    JsonSerializer.Deserialize(json, CodeSigningApiClientJsonSerializerContext.Default.PagingResponseModel)!.Next ?? "(null)";

                public static string UploadParamsText() =>
                    new AndroidKeystoreFileUploadParams
                    {
                        Alias = "release",
                        Password = "store-secret",
                        PrivateKeyPassword = "key-secret",
                        UploadFileName = "release.jks",
                        UploadFileSize = 2048,
                    }.ToString();

                public static string SerializeUpload() =>
                    JsonSerializer.Serialize(
                        new AndroidKeystoreFileUploadParams
                        {
                            Alias = "release",
                            Password = "store-secret",
                            PrivateKeyPassword = "key-secret",
                            UploadFileName = "release.jks",
                            UploadFileSize = 3_000_000_000,
                        },
                        CodeSigningApiClientJsonSerializerContext.Default.AndroidKeystoreFileUploadParams);

                public static async Task<string> ListRequestUri(string baseAddress, string appSlug, string? next, int? limit)
                {
                    var handler = new RecordingHandler(HttpStatusCode.OK, "{\"data\":[],\"paging\":{\"next\":\"n\"}}");
                    var client = new CodeSigningApiClient(new HttpClient(handler) { BaseAddress = new Uri(baseAddress) });
                    await client.BuildCertificateListAsync(appSlug, next, limit);
                    return handler.Request!.RequestUri!.AbsoluteUri;
                }

                public static async Task<string> UpdateRequest(string baseAddress)
                {
                    var handler = new RecordingHandler(HttpStatusCode.OK, "{\"data\":{\"slug\":\"c\"}}");
                    var client = new CodeSigningApiClient(new HttpClient(handler) { BaseAddress = new Uri(baseAddress) });
                    await client.BuildCertificateUpdateAsync("app", "cert", new BuildCertificateUpdateParams { IsProtected = true });
                    return handler.Request!.Method + " " + handler.Request.Content!.Headers.ContentType!.MediaType + " " + handler.Body;
                }

                public static async Task<string> UpdateContentLength(string baseAddress)
                {
                    var handler = new RecordingHandler(HttpStatusCode.OK, "{\"data\":{\"slug\":\"c\"}}");
                    var client = new CodeSigningApiClient(new HttpClient(handler) { BaseAddress = new Uri(baseAddress) });
                    await client.BuildCertificateUpdateAsync("app", "cert", new BuildCertificateUpdateParams { IsProtected = true });
                    return handler.Request!.Content!.Headers.ContentLength + " " + Encoding.UTF8.GetByteCount(handler.Body!);
                }

                public static async Task<string> Failure(string baseAddress, int status, string body)
                {
                    var handler = new RecordingHandler((HttpStatusCode)status, body);
                    var client = new CodeSigningApiClient(new HttpClient(handler) { BaseAddress = new Uri(baseAddress) });
                    try
                    {
                        await client.BuildCertificateShowAsync("app", "cert");
                        return "no exception";
                    }
                    catch (CodeSigningApiException exception)
                    {
                        return string.Join("|", exception.Method, exception.Path, (int)exception.StatusCode, exception.ServiceMessage ?? "(null)", exception.Message);
                    }
                }

                public static async Task<string[]> FailureParts(int status, string body, string authorization)
                {
                    var handler = new RecordingHandler((HttpStatusCode)status, body);
                    var httpClient = new HttpClient(handler) { BaseAddress = new Uri("https://api.example.test/v0.1") };
                    httpClient.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
                    var client = new CodeSigningApiClient(httpClient);
                    try
                    {
                        await client.BuildCertificateShowAsync("app", "cert");
                        return ["no exception"];
                    }
                    catch (CodeSigningApiException exception)
                    {
                        return [exception.Message, exception.ServiceMessage ?? "(null)", exception.ResponseExcerpt ?? "(null)"];
                    }
                }

                private sealed class RecordingHandler(HttpStatusCode status, string responseBody) : HttpMessageHandler
                {
                    public HttpRequestMessage? Request { get; private set; }

                    public string? Body { get; private set; }

                    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        Request = request;
                        Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                        return new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(responseBody, Encoding.UTF8, "application/json") };
                    }
                }
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public void OptionalProperty_WritesOnlySetField()
    {
        Assert.Equal("{\"is_protected\":true}", Invoke<string>("SerializeUpdate", true, false));
    }

    [Fact]
    public void OptionalProperty_WritesFalseWhenSetToFalse()
    {
        Assert.Equal("{\"is_protected\":false}", Invoke<string>("SerializeUpdate", false, false));
    }

    [Fact]
    public void OptionalProperty_WritesNothingWhenUnset()
    {
        Assert.Equal("{}", Invoke<string>("SerializeUpdate", null!, false));
    }

    [Fact]
    public void RequiredProperties_AreAlwaysWritten()
    {
        var json = Invoke<string>("SerializeUpload");

        Assert.Contains("\"alias\":\"release\"", json);
        Assert.Contains("\"upload_file_size\":3000000000", json);
        Assert.DoesNotContain("keystore_file_name", json);
    }

    [Fact]
    public void UnknownProperties_AreSkipped()
    {
        var json = """{"unknown":{"nested":[1,{"a":null}]},"next":"anchor","other":[true,false],"page_item_limit":50}""";

        Assert.Equal("anchor", Invoke<string>("ReadPagingNext", json));
    }

    [Fact]
    public void ToString_RedactsPasswords()
    {
        var text = Invoke<string>("UploadParamsText");

        Assert.DoesNotContain("store-secret", text);
        Assert.DoesNotContain("key-secret", text);
        Assert.Contains("Password = [redacted]", text);
        Assert.Contains("Alias = release", text);
    }

    [Fact]
    public async Task PathParameter_IsEscaped()
    {
        var uri = await InvokeAsync<string>("ListRequestUri", "https://api.example.test/v0.1", "my app/slug", null!, null!);

        Assert.Equal("https://api.example.test/v0.1/apps/my%20app%2Fslug/build-certificates", uri);
    }

    [Theory]
    [InlineData("https://api.example.test/v0.1")]
    [InlineData("https://api.example.test/v0.1/")]
    public async Task BaseAddressPath_IsKept(string baseAddress)
    {
        var uri = await InvokeAsync<string>("ListRequestUri", baseAddress, "app", null!, null!);

        Assert.Equal("https://api.example.test/v0.1/apps/app/build-certificates", uri);
    }

    [Fact]
    public async Task QueryParameters_SendOnlySetValues()
    {
        var uri = await InvokeAsync<string>("ListRequestUri", "https://api.example.test/v0.1", "app", "a b&c", 50);

        Assert.Equal("https://api.example.test/v0.1/apps/app/build-certificates?next=a%20b%26c&limit=50", uri);
    }

    [Fact]
    public async Task PatchRequest_SendsJsonOfSetFields()
    {
        var request = await InvokeAsync<string>("UpdateRequest", "https://api.example.test/v0.1");

        Assert.Equal("PATCH application/json {\"is_protected\":true}", request);
    }

    [Fact]
    public async Task JsonRequestBody_CarriesContentLength()
    {
        var lengths = await InvokeAsync<string>("UpdateContentLength", "https://api.example.test/v0.1");

        Assert.Equal("21 21", lengths);
    }

    [Fact]
    public async Task ErrorResponse_RaisesExceptionWithServiceMessage()
    {
        var failure = await InvokeAsync<string>("Failure", "https://api.example.test/v0.1", 404, "{\"message\":\"app not found\"}");

        Assert.Equal(
            "GET|/v0.1/apps/app/build-certificates/cert|404|app not found|GET /v0.1/apps/app/build-certificates/cert failed with 404 (NotFound): app not found",
            failure);
    }

    [Fact]
    public async Task InvalidSuccessBody_RaisesException()
    {
        var failure = await InvokeAsync<string>("Failure", "https://api.example.test/v0.1", 200, "<html>");

        Assert.StartsWith("GET|/v0.1/apps/app/build-certificates/cert|200|(null)|", failure);
    }

    [Fact]
    public async Task HtmlErrorBody_GivesStatusAndExcerpt()
    {
        var parts = await InvokeAsync<string[]>("FailureParts", 502, "<html>\n  <body><h1>502 Bad Gateway</h1></body>\n</html>", "token-1");

        Assert.Equal(
            "GET /v0.1/apps/app/build-certificates/cert failed with 502 (BadGateway). The body has no JSON \"message\" and starts with: <html> <body><h1>502 Bad Gateway</h1></body> </html>",
            parts[0]);
        Assert.Equal("(null)", parts[1]);
    }

    [Fact]
    public async Task OtherJsonErrorBody_GivesExcerpt()
    {
        var parts = await InvokeAsync<string[]>("FailureParts", 400, "{\"error\":\"quota exceeded\"}", "token-1");

        Assert.EndsWith("failed with 400 (BadRequest). The body has no JSON \"message\" and starts with: {\"error\":\"quota exceeded\"}", parts[0]);
        Assert.Equal("{\"error\":\"quota exceeded\"}", parts[2]);
    }

    [Fact]
    public async Task EmptyErrorBody_SaysSo()
    {
        var parts = await InvokeAsync<string[]>("FailureParts", 503, "", "token-1");

        Assert.Equal("GET /v0.1/apps/app/build-certificates/cert failed with 503 (ServiceUnavailable) and an empty body.", parts[0]);
        Assert.Equal("(null)", parts[2]);
    }

    [Fact]
    public async Task LargeErrorBody_IsBounded()
    {
        var parts = await InvokeAsync<string[]>("FailureParts", 500, new string('x', 100_000), "token-1");

        Assert.True(parts[0].Length <= 400, parts[0]);
        Assert.Equal(512, parts[2].Length);
        Assert.EndsWith("\u2026", parts[2]);
    }

    [Fact]
    public async Task LongServiceMessage_IsBounded()
    {
        var parts = await InvokeAsync<string[]>("FailureParts", 400, "{\"message\":\"" + new string('m', 2_000) + "\"}", "token-1");

        Assert.Equal(512, parts[1].Length);
        Assert.True(parts[0].Length <= 600, parts[0]);
    }

    [Fact]
    public async Task ErrorBody_RedactsTokenAndUrlQuery()
    {
        var body = "{\"message\":\"token secret-token-9 cannot PUT https://s3.example.test/bucket/key?X-Amz-Signature=abc&X-Amz-Expires=600 now\"}";

        var parts = await InvokeAsync<string[]>("FailureParts", 403, body, "Bearer secret-token-9");

        Assert.All(parts, part => Assert.DoesNotContain("secret-token-9", part));
        Assert.All(parts, part => Assert.DoesNotContain("X-Amz-Signature", part));
        Assert.Contains("https://s3.example.test/bucket/key?[redacted] now", parts[1]);
    }

    private static T Invoke<T>(string method, params object[] arguments) =>
        (T)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Task<T> InvokeAsync<T>(string method, params object[] arguments) => Invoke<Task<T>>(method, arguments);

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.BitriseSpec()], ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.GeneratedCodeProbe", throwOnError: true)!;
    }
}
