using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Tests;

public sealed class PagingTests
{
    private const string ListPath = "apps/demo-app/build-certificates";

    [Fact]
    public async Task List_SevenFilesLimitThree_ReturnsThreePages()
    {
        await using var session = await EmulatorSession.StartAsync();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((string)(await session.CreateAsync("build-certificates", 1))["slug"]!);
        }

        var first = await GetPageAsync(session, "?limit=3");
        var second = await GetPageAsync(session, $"?limit=3&next={first["paging"]!["next"]}");
        var third = await GetPageAsync(session, $"?limit=3&next={second["paging"]!["next"]}");

        Assert.Equal(created[..3], Slugs(first));
        Assert.Equal(created[3..6], Slugs(second));
        Assert.Equal(created[6..], Slugs(third));
        Assert.Equal(created[3], (string?)first["paging"]!["next"]);
        Assert.Equal(7, (int?)first["paging"]!["total_item_count"]);
        Assert.Equal(3, (int?)first["paging"]!["page_item_limit"]);
        Assert.Equal(7, (int?)third["paging"]!["total_item_count"]);
        Assert.False(third["paging"]!.AsObject().ContainsKey("next"));
    }

    [Fact]
    public async Task List_NoLimit_UsesFiftyAndOmitsNext()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateAsync("build-certificates", 1);

        var page = await GetPageAsync(session, "");

        Assert.Equal(50, (int?)page["paging"]!["page_item_limit"]);
        Assert.Equal(1, (int?)page["paging"]!["total_item_count"]);
        Assert.False(page["paging"]!.AsObject().ContainsKey("next"));
    }

    [Fact]
    public async Task List_Empty_ReturnsEmptyData()
    {
        await using var session = await EmulatorSession.StartAsync();

        var page = await GetPageAsync(session, "");

        Assert.Empty(page["data"]!.AsArray());
        Assert.Equal(0, (int?)page["paging"]!["total_item_count"]);
    }

    [Fact]
    public async Task List_ExactlyFullPage_OmitsNext()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateAsync("build-certificates", 1);
        await session.CreateAsync("build-certificates", 1);

        var page = await GetPageAsync(session, "?limit=2");

        Assert.Equal(2, page["data"]!.AsArray().Count);
        Assert.False(page["paging"]!.AsObject().ContainsKey("next"));
    }

    [Fact]
    public async Task List_NextWasDeleted_ContinuesAfterIt()
    {
        await using var session = await EmulatorSession.StartAsync();
        var slugs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            slugs.Add((string)(await session.CreateAsync("build-certificates", 1))["slug"]!);
        }

        var first = await GetPageAsync(session, "?limit=2");
        using var delete = await session.SendJsonAsync(HttpMethod.Delete, $"{ListPath}/{slugs[2]}");
        var second = await GetPageAsync(session, $"?limit=2&next={first["paging"]!["next"]}");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal([slugs[3]], Slugs(second));
        Assert.Equal(3, (int?)second["paging"]!["total_item_count"]);
    }

    [Fact]
    public async Task List_OtherKinds_AreNotCounted()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreateAsync("build-certificates", 1);
        await session.CreateAsync("provisioning-profiles", 1);

        var page = await GetPageAsync(session, "");

        Assert.Equal(1, (int?)page["paging"]!["total_item_count"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("%20")]
    public async Task List_InvalidLimit_Returns400(string limit)
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.GetAsync(session.ApiUrl($"{ListPath}?limit={limit}"), EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await EmulatorSession.ReadMessageAsync(response));
    }

    [Fact]
    public async Task List_SmallerMaxLimit_RejectsLargerLimit()
    {
        await using var session = await EmulatorSession.StartAsync(new BitriseEmulatorOptions { MaxPageItemLimit = 5 });

        using var rejected = await session.Api.GetAsync(session.ApiUrl($"{ListPath}?limit=6"), EmulatorSession.Cancellation);
        var page = await GetPageAsync(session, "");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(5, (int?)page["paging"]!["page_item_limit"]);
    }

    [Fact]
    public async Task List_UnknownNext_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.Api.GetAsync(session.ApiUrl($"{ListPath}?next=no-such-slug"), EmulatorSession.Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-slug", await EmulatorSession.ReadMessageAsync(response));
    }

    private static async Task<JsonObject> GetPageAsync(EmulatorSession session, string query)
    {
        using var response = await session.Api.GetAsync(session.ApiUrl(ListPath + query), EmulatorSession.Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorSession.ReadJsonAsync(response);
    }

    private static List<string> Slugs(JsonObject page) =>
        page["data"]!.AsArray().Select(item => (string)item!["slug"]!).ToList();
}
