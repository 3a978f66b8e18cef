using System;
using System.Reflection;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Compiles the code generated for <c>Documents/inheritance.yaml</c> with a probe and runs it on real JSON:
/// derived classes read and write the properties of their base classes, and work through a base-typed variable.
/// </summary>
public sealed class InheritanceRuntimeTests
{
    private const string ProbeSource = """
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using Contoso.Api;

        namespace Probe
        {
            public static class InheritanceProbe
            {
                private static ContosoClientJsonSerializerContext Context => ContosoClientJsonSerializerContext.Default;

                private static string RoundTrip<T>(string json, JsonTypeInfo<T> info) =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);

                public static string RoundTripBuild(string json) => RoundTrip(json, Context.Build);

                public static string RoundTripPipelineBuild(string json) => RoundTrip(json, Context.PipelineBuild);

                public static string RoundTripAnyEvent(string json) => RoundTrip(json, Context.AnyEvent);

                public static string ReadThroughBase(string json)
                {
                    Resource resource = JsonSerializer.Deserialize(json, Context.Build)!;
                    var build = (Build)resource;
                    return resource.Id + "|" + resource.CreatedAt?.ToString("O") + "|" + build.Number + "|" + build.Status;
                }

                public static string WriteFromBaseVariable(string json)
                {
                    Resource resource = JsonSerializer.Deserialize(json, Context.PipelineBuild)!;
                    return JsonSerializer.Serialize((PipelineBuild)resource, Context.PipelineBuild);
                }

                public static string WriteAsBase(string json)
                {
                    Resource resource = JsonSerializer.Deserialize(json, Context.Build)!;
                    return JsonSerializer.Serialize(resource, Context.Resource);
                }

                public static string BuildText(string json) => JsonSerializer.Deserialize(json, Context.Build)!.ToString();

                public static string EventFacts(string json)
                {
                    var value = JsonSerializer.Deserialize(json, Context.AnyEvent)!;
                    Event? common = value.BuildEvent is not null ? value.BuildEvent : value.LogEvent;
                    return (value.BuildEvent is not null ? "BuildEvent " + value.BuildEvent.Build?.Number : "LogEvent " + value.LogEvent?.Line) + "|" + common?.Kind;
                }
            }
        }
        """;

    private const string BuildJson = """{"created_at":"2024-01-31T10:00:00+02:00","id":"b1","token":"t0p","number":7,"status":"running"}""";

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public void Derived_ReadsBaseAndOwnProperties()
    {
        Assert.Equal("b1|2024-01-31T10:00:00.0000000+02:00|7|running", Invoke("ReadThroughBase", BuildJson));
    }

    [Fact]
    public void Derived_RoundTripsBaseAndOwnProperties()
    {
        Assert.Equal(BuildJson, Invoke("RoundTripBuild", BuildJson));
    }

    [Fact]
    public void TwoLevels_RoundTripThroughBaseVariable()
    {
        const string Json = """{"created_at":"2024-01-31T10:00:00+02:00","id":"p1","number":3,"pipeline":"ci"}""";

        Assert.Equal(Json, Invoke("RoundTripPipelineBuild", Json));
        Assert.Equal(Json, Invoke("WriteFromBaseVariable", Json));
    }

    [Fact]
    public void BaseConverter_WritesRuntimeTypeMembers()
    {
        Assert.Equal(BuildJson, Invoke("WriteAsBase", BuildJson));
    }

    [Fact]
    public void DerivedMissingBaseRequired_RaisesJsonException()
    {
        var exception = Assert.Throws<TargetInvocationException>(() => Invoke("RoundTripBuild", """{"number":7}"""));

        Assert.Equal("System.Text.Json.JsonException", exception.InnerException?.GetType().FullName);
    }

    [Fact]
    public void DerivedToString_IncludesBaseAndRedactsSecret()
    {
        var text = Invoke("BuildText", BuildJson);

        Assert.StartsWith("Build {", text);
        Assert.Contains("Id = ", text);
        Assert.Contains("b1", text);
        Assert.Contains("Number = 7", text);
        Assert.Contains("Token = [redacted]", text);
        Assert.DoesNotContain("t0p", text);
    }

    [Theory]
    [InlineData("""{"kind":"build","build":{"id":"b2","number":5}}""", "BuildEvent 5|build")]
    [InlineData("""{"kind":"log","line":"compiling"}""", "LogEvent compiling|log")]
    public void UnionOfDerivedClasses_ChoosesVariantByDiscriminator(string json, string expected)
    {
        Assert.Equal(expected, Invoke("EventFacts", json));
    }

    [Fact]
    public void UnionOfDerivedClasses_RoundTrips()
    {
        const string Json = """{"kind":"build","build":{"id":"b2","number":5}}""";

        Assert.Equal(Json, Invoke("RoundTripAnyEvent", Json));
    }

    private static string Invoke(string method, params object[] arguments) =>
        (string)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("inheritance.yaml")], ProbeSource);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.InheritanceProbe", throwOnError: true)!;
    }
}
