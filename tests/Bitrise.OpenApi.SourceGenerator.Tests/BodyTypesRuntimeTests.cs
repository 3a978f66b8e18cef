using System;
using System.Reflection;
using System.Threading.Tasks;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Calls the methods generated for <c>Documents/bodies.yaml</c>, whose request and response bodies are arrays,
/// primitives and untyped JSON rather than models, through a handler that records the request and returns a
/// fixed body.
/// </summary>
public sealed class BodyTypesRuntimeTests
{
    private const string ProbeSource = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Bodies;

        namespace Probe
        {
            public static class BodiesProbe
            {
                public static async Task<string> PetNames(string responseBody)
                {
                    var pets = await Client(responseBody, out _).PetListAsync();
                    var names = new List<string>();
                    foreach (var pet in pets)
                    {
                        names.Add(pet.Name + "/" + (pet.Tag ?? "(null)"));
                    }

                    return string.Join(",", names);
                }

                public static async Task<string> CreatePets(string responseBody)
                {
                    var client = Client(responseBody, out var handler);
                    var stored = await client.PetCreateManyAsync(new[] { new Pet { Name = "rex", Tag = "dog" }, new Pet { Name = "tom" } });
                    return handler.Body + " " + stored.Count;
                }

                public static async Task<string> Tags(string responseBody) =>
                    string.Join(",", await Client(responseBody, out _).TagListAsync());

                public static async Task<string> ReplaceTags()
                {
                    var client = Client("", out var handler);
                    await client.TagReplaceAsync(new string?[] { "a", null, "c" });
                    return handler.Body!;
                }

                public static async Task<string> PetCount(string responseBody) =>
                    (await Client(responseBody, out _).PetCountAsync()).ToString(CultureInfo.InvariantCulture);

                public static async Task<string> Primitives()
                {
                    var pageSize = await Client("25", out _).PageSizeAsync();
                    var ownerName = await Client("\"Ann\"", out _).OwnerNameAsync();
                    var ready = await Client("true", out _).ReadyAsync();
                    var ratio = await Client("0.25", out _).RatioAsync();
                    var updatedAt = await Client("\"2024-01-31T10:00:00+02:00\"", out _).UpdatedAtAsync();
                    return string.Join("|", pageSize.ToString(CultureInfo.InvariantCulture), ownerName, ready ? "true" : "false", ratio.ToString(CultureInfo.InvariantCulture), updatedAt.ToString("O", CultureInfo.InvariantCulture));
                }

                public static async Task<string> RawEcho(string requestJson, string responseBody)
                {
                    using var request = JsonDocument.Parse(requestJson);
                    var client = Client(responseBody, out var handler);
                    var response = await client.RawEchoAsync(request.RootElement.Clone());
                    return handler.Body + " " + response.ValueKind + " " + response.GetRawText();
                }

                public static async Task<string> Matrix(string responseBody)
                {
                    var rows = new List<string>();
                    foreach (var row in await Client(responseBody, out _).MatrixAsync())
                    {
                        var cells = new List<string>();
                        foreach (var cell in row)
                        {
                            cells.Add(cell?.ToString(CultureInfo.InvariantCulture) ?? "null");
                        }

                        rows.Add("[" + string.Join(",", cells) + "]");
                    }

                    return string.Join(",", rows);
                }

                public static async Task<string> PetListFailure(string responseBody)
                {
                    try
                    {
                        await Client(responseBody, out _).PetListAsync();
                        return "no exception";
                    }
                    catch (BodiesException exception)
                    {
                        return exception.Message;
                    }
                }

                private static BodiesClient Client(string responseBody, out RecordingHandler handler)
                {
                    handler = new RecordingHandler(responseBody);
                    return new BodiesClient(new HttpClient(handler) { BaseAddress = new Uri("https://api.example.test/v1") });
                }

                private sealed class RecordingHandler(string responseBody) : HttpMessageHandler
                {
                    public string? Body { get; private set; }

                    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(responseBody, Encoding.UTF8, "application/json") };
                    }
                }
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public async Task ArrayOfModelsResponse_IsRead()
    {
        var names = await InvokeAsync("PetNames", """[{"name":"rex","tag":"dog"},{"name":"tom"}]""");

        Assert.Equal("rex/dog,tom/(null)", names);
    }

    [Fact]
    public async Task ArrayOfModelsRequest_IsSent()
    {
        var result = await InvokeAsync("CreatePets", """[{"name":"rex"}]""");

        Assert.Equal("""[{"name":"rex","tag":"dog"},{"name":"tom"}] 1""", result);
    }

    [Fact]
    public async Task ArrayOfStringsResponse_IsRead()
    {
        Assert.Equal("a,b", await InvokeAsync("Tags", """["a","b"]"""));
    }

    [Fact]
    public async Task ArrayWithNullableItemsRequest_SendsNull()
    {
        Assert.Equal("""["a",null,"c"]""", await InvokeAsync("ReplaceTags"));
    }

    [Fact]
    public async Task Int64Response_IsRead()
    {
        Assert.Equal("3000000000", await InvokeAsync("PetCount", "3000000000"));
    }

    [Fact]
    public async Task PrimitiveResponses_AreRead()
    {
        Assert.Equal("25|Ann|true|0.25|2024-01-31T10:00:00.0000000+02:00", await InvokeAsync("Primitives"));
    }

    [Fact]
    public async Task UntypedBodies_AreSentAndRead()
    {
        var result = await InvokeAsync("RawEcho", """{"any":[1,"two",null]}""", """[true,{"k":1}]""");

        Assert.Equal("""{"any":[1,"two",null]} Array [true,{"k":1}]""", result);
    }

    [Fact]
    public async Task NestedArraysWithNullItems_AreRead()
    {
        Assert.Equal("[1,null],[]", await InvokeAsync("Matrix", "[[1,null],[]]"));
    }

    [Fact]
    public async Task NullItemInArrayOfModels_RaisesException()
    {
        var message = await InvokeAsync("PetListFailure", """[{"name":"rex"},null]""");

        Assert.Contains("'$[]' must not be null", message);
    }

    [Fact]
    public async Task ObjectWhereArrayExpected_RaisesException()
    {
        var message = await InvokeAsync("PetListFailure", """{"name":"rex"}""");

        Assert.Contains("expected an array", message);
    }

    [Fact]
    public void GeneratedCode_HasNoWarnings()
    {
        var output = GeneratorHarness.Run(TestDocuments.Local("bodies.yaml", "Contoso.Bodies", "BodiesClient"));

        Assert.Empty(output.AllDiagnostics);
    }

    private static Task<string> InvokeAsync(string method, params object[] arguments) =>
        (Task<string>)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("bodies.yaml", "Contoso.Bodies", "BodiesClient")], ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.BodiesProbe", throwOnError: true)!;
    }
}
