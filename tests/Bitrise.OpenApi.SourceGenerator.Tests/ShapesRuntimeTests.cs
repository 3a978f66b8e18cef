using System;
using System.Reflection;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>Runs the converters generated for <c>Documents/shapes.yaml</c> on JSON that uses every property kind.</summary>
public sealed class ShapesRuntimeTests
{
    private const string ProbeSource = """
        using System.Text.Json;
        using Contoso.Api;

        namespace Probe
        {
            public static class ShapesProbe
            {
                public static string RoundTripItem(string json)
                {
                    var item = JsonSerializer.Deserialize(json, ContosoClientJsonSerializerContext.Default.Item)!;
                    return JsonSerializer.Serialize(item, ContosoClientJsonSerializerContext.Default.Item);
                }

                public static string ItemText(string json) =>
                    JsonSerializer.Deserialize(json, ContosoClientJsonSerializerContext.Default.Item)!.ToString();

                public static string RoundTripOptions(string json) =>
                    JsonSerializer.Serialize(
                        JsonSerializer.Deserialize(json, ContosoClientJsonSerializerContext.Default.Options2)!,
                        ContosoClientJsonSerializerContext.Default.Options2);

                public static string CreateParamsText() =>
                    new ItemCreateParams { Name = "n", Secret = "s3cret", Token = "t0ken", Note = null }.ToString();

                public static string ReadError(string json)
                {
                    try
                    {
                        JsonSerializer.Deserialize(json, ContosoClientJsonSerializerContext.Default.Item);
                        return "no exception";
                    }
                    catch (JsonException exception)
                    {
                        return exception.Message;
                    }
                }
            }
        }
        """;

    private const string FullItem =
        """{"Item-Owner":"o","class":"c","created_at":"2024-01-31T10:00:00+02:00","item":"i","metadata":{"any":[1,"two",null]},"nullable_note":null,"owner":{"e-mail":"a@b.c","name":"n"},"size":1.5,"slug":"s"}""";

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public void Item_RoundTripsEveryPropertyKind()
    {
        // nullable_note: null was in the JSON, so it is written back as null.
        Assert.Equal(FullItem, Invoke("RoundTripItem", FullItem));
    }

    [Fact]
    public void Item_MissingRequired_RaisesJsonException()
    {
        var message = Invoke("ReadError", """{"class":"c"}""");

        Assert.Contains("'slug'", message);
    }

    [Fact]
    public void Item_WrongValueType_NamesProperty()
    {
        var message = Invoke("ReadError", """{"slug":"s","size":"large"}""");

        Assert.Contains("'size'", message);
    }

    [Fact]
    public void Item_ToStringFormatsValuesInvariantly()
    {
        var text = Invoke("ItemText", FullItem);

        Assert.Contains("Size = 1.5", text);
        Assert.Contains("CreatedAt = 2024-01-31T10:00:00.0000000+02:00", text);
        Assert.StartsWith("Item { ItemOwner = o, Class = c", text);
    }

    [Fact]
    public void NestedNullableArrays_RoundTrip()
    {
        Assert.Equal("""{"matrix":[[1,null],[]]}""", Invoke("RoundTripOptions", """{"matrix":[[1,null],[]]}"""));
    }

    [Fact]
    public void SensitiveProperties_AreRedacted()
    {
        var text = Invoke("CreateParamsText");

        Assert.DoesNotContain("s3cret", text);
        Assert.DoesNotContain("t0ken", text);
        Assert.Contains("Note = null", text);
        Assert.Contains("IsProtected = (not set)", text);
    }

    private static string Invoke(string method, params object[] arguments) =>
        (string)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("shapes.yaml")], ProbeSource);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.ShapesProbe", throwOnError: true)!;
    }
}
