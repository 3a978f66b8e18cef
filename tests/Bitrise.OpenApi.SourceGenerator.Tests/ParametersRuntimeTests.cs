using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Calls the methods generated for <c>Documents/parameters.yaml</c> against a loopback server and checks the
/// request line, headers and cookies exactly as they arrived on the socket.
/// </summary>
public sealed class ParametersRuntimeTests
{
    private const string ProbeSource = """
        using System;
        using System.Globalization;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Contoso.Parameters;

        namespace Probe
        {
            public static class ParametersProbe
            {
                public static Task ItemGetAll(string baseAddress) =>
                    Client(baseAddress).ItemGetAsync(
                        7,
                        "req-1",
                        idQuery: "x y",
                        tags: new[] { "a", "b c" },
                        ids: new[] { 1, 2 },
                        since: DateTimeOffset.Parse("2024-01-31T10:00:00.1234567+02:00", CultureInfo.InvariantCulture),
                        ratio: 0.25,
                        active: false,
                        xUntil: DateTimeOffset.Parse("2024-02-01T00:00:00.5-05:30", CultureInfo.InvariantCulture),
                        xColors: new[] { "red", "green" },
                        session: "s 1;x",
                        flags: new[] { "f1", "f2" });

                public static Task ItemGetRequiredOnly(string baseAddress) =>
                    Client(baseAddress).ItemGetAsync(8, "req-2");

                public static Task StylesGet(string baseAddress)
                {
                    using var extra = JsonDocument.Parse("{\"k\":\"v w\",\"n\":null,\"list\":[1,2]}");
                    return Client(baseAddress).StylesGetAsync(
                        new[] { "a", "b" },
                        new[] { 1, 2 },
                        new Point { X = 1, Y = 2, Label = "p q" },
                        new Point { X = 1, Y = 2 },
                        space: new[] { "a", "b" },
                        pipe: new[] { "a", "b" },
                        filter: new Point { X = 1, Y = 2 },
                        near: new Point { X = 3, Y = 4 },
                        corner: new Point { X = 5, Y = 6 },
                        xPoint: new Point { X = 1, Y = 2 },
                        prefs: new Point { X = 1, Label = "a b" },
                        extra: extra.RootElement.Clone());
                }

                public static Task DelimitedValues(string baseAddress) =>
                    Client(baseAddress).StylesGetAsync(
                        new[] { "a" },
                        new[] { 1 },
                        new Point { X = 1, Y = 2 },
                        new Point { X = 1, Y = 2 },
                        space: new[] { "a b", "c" },
                        pipe: new[] { "a|b", "c" });

                public static Task SendNames(string baseAddress) =>
                    Client(baseAddress).Send2Async(
                        "if",
                        new Point { X = 1 },
                        "r",
                        cancellationTokenQuery: "c",
                        requestBuilderQuery: "b",
                        response: "s",
                        @params: "p",
                        _2ndValue: "two");

                public static Task ItemGetHeaderWithLineBreak(string baseAddress) =>
                    Client(baseAddress).ItemGetAsync(7, "req\r\nX-Injected: 1");

                public static Task DeleteDotSegment(string baseAddress) =>
                    Client(baseAddress).DeleteThingsThingIdAsync("..");

                public static Task DeleteWithoutOperationId(string baseAddress) =>
                    Client(baseAddress).DeleteThingsThingIdAsync("a/b");

                public static Task Duplicates(string baseAddress) =>
                    Task.WhenAll(Client(baseAddress).DupAsync(), Client(baseAddress).Dup2Async());

                private static ParametersClient Client(string baseAddress) =>
                    new ParametersClient(new HttpClient { BaseAddress = new Uri(baseAddress) });
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public async Task ItemGet_WritesPathQueryHeadersAndCookies()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("ItemGetAll", server);

        var request = server.SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal(
            "/v1/items/7?id=x%20y&tags=a&tags=b%20c&ids=1,2&since=2024-01-31T10%3A00%3A00.1234567%2B02%3A00&ratio=0.25&active=false",
            request.Target);
        Assert.Equal(["req-1"], request.Header("X-Request-Id"));
        Assert.Equal(["2024-02-01T00:00:00.5000000-05:30"], request.Header("X-Until"));
        Assert.Equal(["red,green"], request.Header("X-Colors"));
        Assert.Equal(["session=s%201%3Bx; flags=f1; flags=f2"], request.Header("Cookie"));
        Assert.Equal(["application/json"], request.Header("Accept"));
    }

    [Fact]
    public async Task ItemGet_OmitsUnsetOptionalParameters()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("ItemGetRequiredOnly", server);

        var request = server.SingleRequest();
        Assert.Equal("/v1/items/8", request.Target);
        Assert.Equal(["req-2"], request.Header("X-Request-Id"));
        Assert.Empty(request.Header("X-Until"));
        Assert.Empty(request.Header("Cookie"));
    }

    [Fact]
    public async Task StylesGet_WritesEveryStyle()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("StylesGet", server);

        var request = server.SingleRequest();
        var (path, query) = Split(request.Target);
        Assert.Equal("/v1/styles/.a,b/;matrix=1;matrix=2/label=p%20q,x=1,y=2/;matrixPoint=x,1,y,2", path);
        Assert.Equal(
            [
                "space=a%20b",
                "pipe=a%7Cb",
                "filter[x]=1",
                "filter[y]=2",
                "x=3",
                "y=4",
                "corner=x,5,y,6",
                "k=v%20w",
                "list=%5B1%2C2%5D",
            ],
            query);
        Assert.Equal(["x,1,y,2"], request.Header("X-Point"));
        Assert.Equal(["label=a%20b; x=1"], request.Header("Cookie"));
    }

    /// <summary>
    /// Pins the documented ambiguity: a value's own delimiter is escaped like the one the style adds, because
    /// System.Uri escapes a raw "|" anyway.
    /// </summary>
    [Fact]
    public async Task DelimitedValues_EscapeDelimiterAlike()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("DelimitedValues", server);

        var target = server.SingleRequest().Target;
        Assert.EndsWith("?space=a%20b%20c&pipe=a%7Cb%7Cc", target);
    }

    [Fact]
    public async Task ReservedNames_KeepWireNames()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("SendNames", server);

        var request = server.SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/names/if?request=r&cancellationToken=c&requestBuilder=b&response=s&2nd%20value=two", request.Target);
        Assert.Equal(["p"], request.Header("params"));
        Assert.Equal("""{"x":1}""", request.BodyText);
    }

    [Fact]
    public async Task OperationWithoutId_CallsItsPath()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("DeleteWithoutOperationId", server);

        var request = server.SingleRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/v1/things/a%2Fb", request.Target);
    }

    [Theory]
    [InlineData("ItemGetHeaderWithLineBreak", "line break")]
    [InlineData("DeleteDotSegment", "path segment '..'")]
    public async Task UnsafeParameterValue_IsRejectedBeforeSending(string method, string expectedMessagePart)
    {
        await using var server = new LoopbackServer();

        var exception = await Record.ExceptionAsync(async () =>
        {
            try
            {
                await InvokeAsync(method, server);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
            {
                throw wrapped.InnerException;
            }
        });

        Assert.IsType<ArgumentException>(exception);
        Assert.Contains(expectedMessagePart, exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DuplicateOperationIds_CallTheirOwnPaths()
    {
        await using var server = new LoopbackServer();

        await InvokeAsync("Duplicates", server);

        Assert.Equal(["/v1/dup/a", "/v1/dup/b"], server.Requests.Select(request => request.Target).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GeneratedCode_ReportsOnlyUnsupportedParts()
    {
        var output = GeneratorHarness.Run(Document());

        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(
            ["OASG006 Authorization", "OASG016 dup", "OASG030 send"],
            output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id + " " + FirstQuoted(diagnostic.GetMessage())).Order(StringComparer.Ordinal));
    }

    private static OpenApiDocumentItem Document() => TestDocuments.Local("parameters.yaml", "Contoso.Parameters", "ParametersClient");

    private static string FirstQuoted(string message)
    {
        // Every message starts with the file, line, column and pointer of the node, which end in "': ".
        var text = message[(message.IndexOf("': ", StringComparison.Ordinal) + 3)..];
        var start = text.IndexOf('\'') + 1;
        return text[start..text.IndexOf('\'', start)];
    }

    private static (string Path, string[] Query) Split(string target)
    {
        var mark = target.IndexOf('?');
        return mark < 0 ? (target, []) : (target[..mark], target[(mark + 1)..].Split('&'));
    }

    private static Task InvokeAsync(string method, LoopbackServer server) =>
        (Task)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [server.BaseAddress])!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([Document()], ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.ParametersProbe", throwOnError: true)!;
    }
}
