using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Compiles the code generated for <c>Documents/dates.yaml</c> with a probe and runs it: <c>format: date</c> as
/// <c>DateOnly</c> in properties, array items, bodies and parameters, and as <c>string</c> on netstandard2.0.
/// </summary>
public sealed class DatesRuntimeTests
{
    private const string ProbeSource = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Contoso.Dates;

        namespace Probe
        {
            public static class DatesProbe
            {
                private static DatesClientJsonSerializerContext Context => DatesClientJsonSerializerContext.Default;

                public static string RoundTripEvent(string json) =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.Event)!, Context.Event);

                public static string EventFacts(string json)
                {
                    var value = JsonSerializer.Deserialize(json, Context.Event)!;
                    return value.Day.DayOfYear + "|" + value.EndsOn?.Month + "|" + (value.CancelledOn is null) + "|" + value.Holidays!.Count;
                }

                public static string EventText(string json) => JsonSerializer.Deserialize(json, Context.Event)!.ToString();

                public static async Task<string> EventGet(string baseAddress)
                {
                    var value = await Client(baseAddress).EventGetAsync(
                        new DateOnly(2024, 2, 29),
                        new DateOnly(2024, 1, 5),
                        before: new DateOnly(2025, 12, 31),
                        skip: new[] { new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2) },
                        xDay: new DateOnly(999, 1, 2));
                    return value.Day.ToString("O");
                }

                public static async Task<string> DaysGet(string baseAddress)
                {
                    var days = await Client(baseAddress).DaysGetAsync();
                    return string.Join(",", days.Select(day => day.ToString("O")));
                }

                private static DatesClient Client(string baseAddress) =>
                    new DatesClient(new HttpClient { BaseAddress = new Uri(baseAddress) });
            }
        }
        """;

    // The converters write properties in ordinal order of their JSON names, so the text round-trips unchanged.
    private const string FullEvent = """{"at":"2024-02-29T10:00:00+00:00","cancelledOn":null,"day":"2024-02-29","endsOn":"2024-03-01","holidays":["2024-12-25","0999-01-02"]}""";

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public void Event_RoundTripsDates()
    {
        Assert.Equal(FullEvent, Invoke<string>("RoundTripEvent", FullEvent));
    }

    [Fact]
    public void Event_RoundTripsRequiredDatesOnly()
    {
        const string json = """{"cancelledOn":"2023-12-31","day":"2024-01-01"}""";

        Assert.Equal(json, Invoke<string>("RoundTripEvent", json));
    }

    [Fact]
    public void Event_ReadsDateValues()
    {
        Assert.Equal("60|3|True|2", Invoke<string>("EventFacts", FullEvent));
    }

    [Fact]
    public void Event_ToStringWritesIsoDates()
    {
        var text = Invoke<string>("EventText", FullEvent);

        Assert.Contains("Day = 2024-02-29", text, StringComparison.Ordinal);
        Assert.Contains("2024-12-25", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_PropertiesAreDateOnly()
    {
        var eventType = Probe.Value.Assembly.GetType("Contoso.Dates.Event", throwOnError: true)!;

        Assert.Equal(typeof(DateOnly), eventType.GetProperty("Day")!.PropertyType);
        Assert.Equal(typeof(DateOnly?), eventType.GetProperty("EndsOn")!.PropertyType);
        Assert.Equal(typeof(DateOnly?), eventType.GetProperty("CancelledOn")!.PropertyType);
        Assert.Equal(typeof(IReadOnlyList<DateOnly>), eventType.GetProperty("Holidays")!.PropertyType);
    }

    [Theory]
    [InlineData("""{"day":"2024-02-30","cancelledOn":null}""", "day")]
    [InlineData("""{"day":"2024-2-3","cancelledOn":null}""", "day")]
    [InlineData("""{"day":"2024-02-03T00:00:00","cancelledOn":null}""", "day")]
    [InlineData("""{"day":20240203,"cancelledOn":null}""", "day")]
    [InlineData("""{"day":"2024-02-03","cancelledOn":"31.12.2023"}""", "cancelledOn")]
    [InlineData("""{"day":"2024-02-03","cancelledOn":null,"holidays":["2024-13-01"]}""", "holidays[]")]
    public void Event_InvalidDate_ThrowsJsonException(string json, string property)
    {
        var exception = Assert.Throws<TargetInvocationException>(() => Invoke<string>("RoundTripEvent", json));

        var jsonException = Assert.IsType<JsonException>(exception.InnerException);
        Assert.Contains("'" + property + "'", jsonException.Message, StringComparison.Ordinal);
        Assert.Contains("a date string (yyyy-MM-dd)", jsonException.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventGet_FormatsDateParameters()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "application/json", """{"day":"2024-02-29","cancelledOn":null}""") };

        var day = await InvokeAsync("EventGet", server);

        var request = server.SingleRequest();
        Assert.Equal("/v1/events/2024-02-29?after=2024-01-05&before=2025-12-31&skip=2024-03-01,2024-03-02", request.Target);
        Assert.Equal(["0999-01-02"], request.Header("X-Day"));
        Assert.Equal("2024-02-29", day);
    }

    [Fact]
    public async Task DaysGet_ReadsArrayBodyOfDates()
    {
        await using var server = new LoopbackServer { Response = _ => new CannedResponse(200, "application/json", """["2024-02-29","2025-01-01"]""") };

        Assert.Equal("2024-02-29,2025-01-01", await InvokeAsync("DaysGet", server));
    }

    [Fact]
    public void WithoutDateOnly_DatesStayStrings()
    {
        var compilation = NetStandardCompilation();
        Assert.Null(compilation.GetTypeByMetadataName("System.DateOnly"));

        GeneratorHarness.CreateDriver([Document()]).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);

        Assert.Empty(generatorDiagnostics);
        var eventType = output.GetTypeByMetadataName("Contoso.Dates.Event")!;
        Assert.Equal("string", PropertyType(eventType, "Day"));
        Assert.Equal("string?", PropertyType(eventType, "EndsOn"));
        Assert.Equal("string?", PropertyType(eventType, "CancelledOn"));
        Assert.Equal("System.Collections.Generic.IReadOnlyList<string>?", PropertyType(eventType, "Holidays"));
        Assert.DoesNotContain(output.SyntaxTrees, tree => tree.ToString().Contains("DateOnly", StringComparison.Ordinal));

        // NOTE: the generated client calls HttpClient members that netstandard2.0 lacks, so only the files that
        // dates reach are checked to compile here.
        string[] dateFiles = ["Contoso.Dates.Event.g.cs", "Contoso.Dates.OpenApiJson.g.cs", "Contoso.Dates.DatesClientJsonSerializerContext.g.cs"];
        var errors = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && dateFiles.Any(file => diagnostic.Location.SourceTree?.FilePath.EndsWith(file, StringComparison.Ordinal) == true));
        Assert.Empty(errors);
    }

    private static string PropertyType(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().Single().Type.ToDisplayString();

    /// <summary>
    /// Creates a compilation against the netstandard2.0 reference assemblies in the NuGet package cache, which have
    /// no <c>System.DateOnly</c>, with the attributes that C# 11 members need declared in source.
    /// </summary>
    private static CSharpCompilation NetStandardCompilation()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string[] files =
        [
            "netstandard.library/2.0.3/build/netstandard2.0/ref/netstandard.dll",
            "system.text.json/9.0.9/lib/netstandard2.0/System.Text.Json.dll",
            "system.memory/4.5.5/lib/netstandard2.0/System.Memory.dll",
            "system.buffers/4.5.1/lib/netstandard2.0/System.Buffers.dll",
            "microsoft.bcl.asyncinterfaces/9.0.9/lib/netstandard2.0/Microsoft.Bcl.AsyncInterfaces.dll",
            "system.text.encodings.web/9.0.9/lib/netstandard2.0/System.Text.Encodings.Web.dll",
            "system.threading.tasks.extensions/4.5.4/lib/netstandard2.0/System.Threading.Tasks.Extensions.dll",
            "system.runtime.compilerservices.unsafe/6.0.0/lib/netstandard2.0/System.Runtime.CompilerServices.Unsafe.dll",
        ];
        var missing = files.Where(file => !File.Exists(Path.Combine(packages, file))).ToList();
        Assert.True(missing.Count == 0, "Restore the test project to get these packages: " + string.Join(", ", missing));

        const string polyfills = """
            namespace System.Runtime.CompilerServices
            {
                internal static class IsExternalInit { }
                internal sealed class RequiredMemberAttribute : Attribute { }
                internal sealed class CompilerFeatureRequiredAttribute : Attribute { public CompilerFeatureRequiredAttribute(string featureName) { } }
            }
            """;
        return CSharpCompilation.Create(
            "NetStandardConsumer",
            [CSharpSyntaxTree.ParseText(polyfills, GeneratorHarness.ParseOptions, cancellationToken: TestContext.Current.CancellationToken)],
            files.Select(file => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(packages, file))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static OpenApiDocumentItem Document() => TestDocuments.Local("dates.yaml", "Contoso.Dates", "DatesClient");

    private static T Invoke<T>(string method, params object[] arguments) =>
        (T)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Task<string> InvokeAsync(string method, LoopbackServer server) =>
        (Task<string>)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [server.BaseAddress])!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([Document()], ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.DatesProbe", throwOnError: true)!;
    }
}
