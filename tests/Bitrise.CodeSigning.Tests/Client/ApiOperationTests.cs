using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>The request of each of the 23 operations, through the client that the DI registration builds.</summary>
public sealed class ApiOperationTests
{
    [Theory]
    [MemberData(nameof(ApiOperationCases.Names), MemberType = typeof(ApiOperationCases))]
    public async Task Operation_SendsExactRequest(string operationId)
    {
        var operation = ApiOperationCases.All[operationId];
        using var mock = MockApi.Start();
        mock.RespondToAll();

        await operation.Call(mock.Api, TestContext.Current.CancellationToken);

        var request = Assert.Single(mock.Requests);
        var (path, query) = SplitTarget(operation.Target);
        Assert.Equal(operation.Method, request.Method);
        Assert.Equal("/v0.1" + Uri.UnescapeDataString(path), request.Path);
        Assert.Equal(query is null ? string.Empty : "?" + query, EscapedQuery(request.RawQuery));
        Assert.Equal(MockApi.AccessToken, request.Headers!["Authorization"].Single());
        Assert.Contains("application/json", request.Headers!["Accept"].Single(), StringComparison.Ordinal);
        AssertBody(operation.Body, request.Body);
    }

    [Theory]
    [MemberData(nameof(ApiOperationCases.Names), MemberType = typeof(ApiOperationCases))]
    public async Task Operation_EscapesSlugsOnTheWire(string operationId)
    {
        var operation = ApiOperationCases.All[operationId];
        await using var server = new RawHttpServer(_ => (200, "application/json", "{}"));
        await using var services = MockApi.CreateServices(server.Origin, new LogCollector());

        await operation.Call(services.GetRequiredService<ICodeSigningApiClient>(), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v0.1" + operation.Target, request.Target);
        Assert.Equal(operation.Body is null ? null : "application/json", request.Headers.GetValueOrDefault("Content-Type")?.Split(';')[0]);
    }

    [Fact]
    public void Operations_CoverTheDocument()
    {
        Assert.Equal(23, ApiOperationCases.All.Count);
    }

    private static (string Path, string? Query) SplitTarget(string target)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, null) : (target[..question], target[(question + 1)..]);
    }

    // WireMock reports the query after Uri unescaping; escape it again the way the client does, for comparison.
    private static string EscapedQuery(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return string.Empty;
        }

        var pairs = rawQuery.TrimStart('?').Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return $"{pair[..equals]}={Uri.EscapeDataString(Uri.UnescapeDataString(pair[(equals + 1)..]))}";
        });
        return "?" + string.Join('&', pairs);
    }

    private static void AssertBody(string? expectedJson, string? actualBody)
    {
        if (expectedJson is null)
        {
            Assert.True(string.IsNullOrEmpty(actualBody), $"Expected no body, got '{actualBody}'.");
            return;
        }

        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualBody ?? string.Empty);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected body {expectedJson}, got {actualBody}.");
    }
}
