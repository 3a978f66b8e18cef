using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class AuthorizationTests
{
    private const string ListPath = "apps/demo-app/provisioning-profiles";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-token")]
    [InlineData("token wrong-token")]
    [InlineData("Bearer emulator-token")]
    public async Task Api_MissingOrWrongToken_Returns401(string? authorization)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, session.ApiUrl(ListPath));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unauthorized", await EmulatorSession.ReadMessageAsync(response));
    }

    [Theory]
    [InlineData("emulator-token")]
    [InlineData("token emulator-token")]
    public async Task Api_RawOrTokenScheme_IsAccepted(string authorization)
    {
        await using var session = await EmulatorSession.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, session.ApiUrl(ListPath));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request, EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_CustomToken_IsRequired()
    {
        var options = new BitriseEmulatorOptions { AccessToken = "custom-secret" };
        await using var session = await EmulatorSession.StartAsync(options);

        using var response = await session.Api.GetAsync(session.ApiUrl(ListPath), EmulatorSession.Cancellation);

        Assert.Equal("custom-secret", session.Emulator.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_UnknownRoute_Returns404Json()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.GetAsync(session.ApiUrl("apps/demo-app/unknown-things"), EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/v0.1/apps/demo-app/unknown-things", await EmulatorSession.ReadMessageAsync(response));
    }
}
