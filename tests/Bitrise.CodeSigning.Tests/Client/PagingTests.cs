using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>The list methods' walk over <c>paging.next</c>.</summary>
public sealed class PagingTests
{
    private const string App = "demo-app";

    [Fact]
    public async Task List_FollowsEveryPage()
    {
        using var mock = MockApi.Start();
        RespondWithPages(mock, "build-certificates", request => QueryValue(request, "next") switch
        {
            null => Page(["c1", "c2", "c3"], "cursor/2"),
            "cursor/2" => Page(["c4", "c5"], "cursor/3"),
            "cursor/3" => Page(["c6"], next: null),
            var other => throw new InvalidOperationException($"Unexpected cursor '{other}'."),
        });

        var slugs = await ToSlugsAsync(mock.Files.ListBuildCertificatesAsync(App, pageSize: 3, TestContext.Current.CancellationToken), item => item.Slug);

        var requests = mock.Requests;
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6"], slugs);
        Assert.Equal(3, requests.Count);
        Assert.Null(QueryValue(requests[0], "next"));
        Assert.Equal("cursor/2", QueryValue(requests[1], "next"));
        Assert.Equal("cursor/3", QueryValue(requests[2], "next"));
        Assert.All(requests, request => Assert.Equal("3", QueryValue(request, "limit")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task List_StopsWithoutNext(string? next)
    {
        using var mock = MockApi.Start();
        RespondWithPages(mock, "provisioning-profiles", _ => Page(["p1"], next));

        var slugs = await ToSlugsAsync(mock.Files.ListProvisioningProfilesAsync(App, cancellationToken: TestContext.Current.CancellationToken), item => item.Slug);

        Assert.Equal(["p1"], slugs);
        Assert.Single(mock.Requests);
    }

    [Fact]
    public async Task List_RejectsRepeatedNext()
    {
        using var mock = MockApi.Start();
        RespondWithPages(mock, "generic-project-files", _ => Page(["g1"], "same-cursor"));

        var exception = await Assert.ThrowsAsync<CodeSigningResponseException>(
            () => ToSlugsAsync(mock.Files.ListGenericProjectFilesAsync(App, cancellationToken: TestContext.Current.CancellationToken), item => item.Slug));

        Assert.Equal(CodeSigningResponseFailure.InvalidResponse, exception.Failure);
        Assert.Contains("'same-cursor'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, mock.Requests.Count);
    }

    [Fact]
    public async Task List_RejectsZeroPageSize()
    {
        using var mock = MockApi.Start();

        Assert.Throws<ArgumentOutOfRangeException>(() => mock.Files.ListAndroidKeystoreFilesAsync(App, pageSize: 0, TestContext.Current.CancellationToken));

        Assert.Empty(mock.Requests);
        await Task.CompletedTask;
    }

    private static void RespondWithPages(MockApi mock, string collection, Func<WireMock.IRequestMessage, string> page)
        => mock.RespondWith("GET", $"/v0.1/apps/{App}/{collection}", request => (200, page(request)));

    private static string? QueryValue(WireMock.IRequestMessage request, string name)
        => request.Query is { } query && query.TryGetValue(name, out var values) ? values.Single() : null;

    private static string Page(string[] slugs, string? next)
    {
        var paging = new JsonObject { ["page_item_limit"] = 3, ["total_item_count"] = 6 };
        if (next is not null)
        {
            paging["next"] = next;
        }

        var data = new JsonArray(slugs.Select(slug => (JsonNode)new JsonObject { ["slug"] = slug }).ToArray());
        return new JsonObject { ["data"] = data, ["paging"] = paging }.ToJsonString();
    }

    private static async Task<List<string?>> ToSlugsAsync<TItem>(IAsyncEnumerable<TItem> items, Func<TItem, string?> slug)
    {
        var slugs = new List<string?>();
        await foreach (var item in items)
        {
            slugs.Add(slug(item));
        }

        return slugs;
    }
}
