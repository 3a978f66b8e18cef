using System;
using System.Reflection;
using System.Threading.Tasks;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Compiles the code generated for <c>Documents/schemas.yaml</c> with a probe and runs it on real JSON: open
/// enums, unions, maps, formats, the nullable and required matrix, <c>readOnly</c> and <c>writeOnly</c>.
/// </summary>
public sealed class SchemasRuntimeTests
{
    private const string ProbeSource = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Api;

        namespace Probe
        {
            public static class SchemasProbe
            {
                private static ContosoClientJsonSerializerContext Context => ContosoClientJsonSerializerContext.Default;

                private static string RoundTrip<T>(string json, JsonTypeInfo<T> info) =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);

                public static string RoundTripZoo(string json) => RoundTrip(json, Context.Zoo);

                public static string RoundTripPet(string json) => RoundTrip(json, Context.Pet);

                public static string RoundTripShape(string json) => RoundTrip(json, Context.Shape);

                public static string RoundTripText(string json) => RoundTrip(json, Context.TextOrNumber);

                public static string RoundTripNode(string json) => RoundTrip(json, Context.Node);

                public static string RoundTripExtensible(string json) => RoundTrip(json, Context.Extensible);

                public static string RoundTripMatrixResponse(string json) => RoundTrip(json, Context.MatrixResponse);

                public static string PetVariant(string json)
                {
                    var pet = JsonSerializer.Deserialize(json, Context.Pet)!;
                    if (pet.Cat is not null)
                    {
                        return "Cat " + pet.Cat.Lives;
                    }

                    return pet.Dog is not null ? "Dog" : "none " + pet.Json.GetRawText();
                }

                public static string ShapeVariant(string json)
                {
                    var shape = JsonSerializer.Deserialize(json, Context.Shape)!;
                    if (shape.Circle is not null)
                    {
                        return "Circle";
                    }

                    return shape.Square is not null ? "Square" : "none";
                }

                public static string TextVariant(string json)
                {
                    var value = JsonSerializer.Deserialize(json, Context.TextOrNumber)!;
                    if (value.String is not null)
                    {
                        return "String";
                    }

                    if (value.Int64 is not null)
                    {
                        return "Int64";
                    }

                    return value.StringList is not null ? "StringList" : "none";
                }

                public static string WritePet() =>
                    JsonSerializer.Serialize(Pet.FromDog(new Dog { PetType = "Dog", Good = true }), Context.Pet);

                public static string ColorFacts(string json)
                {
                    var zoo = JsonSerializer.Deserialize(json, Context.Zoo)!;
                    var color = zoo.Color!.Value;
                    return color.IsKnown + "|" + (color == Color.Red) + "|" + color;
                }

                public static string PriorityFacts(string json)
                {
                    var zoo = JsonSerializer.Deserialize(json, Context.Zoo)!;
                    var priority = zoo.Priority!.Value;
                    return priority.IsKnown + "|" + (priority == Priority.Value10) + "|" + priority.Value;
                }

                public static string ThemeFacts(string json)
                {
                    var theme = JsonSerializer.Deserialize(json, Context.Zoo)!.Theme;
                    return theme is null ? "null" : theme.Value.ToString();
                }

                public static string ExtraMemberCount(string json) =>
                    JsonSerializer.Deserialize(json, Context.Extensible)!.AdditionalProperties?.Count.ToString() ?? "null";

                public static string ReadError(string json)
                {
                    try
                    {
                        JsonSerializer.Deserialize(json, Context.MatrixResponse);
                        return "no exception";
                    }
                    catch (JsonException exception)
                    {
                        return exception.Message;
                    }
                }

                public static string WriteRequiredOnly() =>
                    JsonSerializer.Serialize(new MatrixRequest { RequiredPlain = "a", RequiredNullable = null }, Context.MatrixRequest);

                public static string WriteEveryProperty() =>
                    JsonSerializer.Serialize(
                        new MatrixRequest
                        {
                            RequiredPlain = "a",
                            RequiredNullable = "b",
                            OptionalPlain = "c",
                            OptionalNullable = new Optional<string?>(null),
                            ServerId = "server",
                        },
                        Context.MatrixRequest);

                public static string WriteAssignedNulls() =>
                    JsonSerializer.Serialize(new MatrixResponse { Id = "i", RequiredPlain = "a", RequiredNullable = null, OptionalNullable = null }, Context.MatrixResponse);

                public static string WriteResponseModel() =>
                    JsonSerializer.Serialize(new MatrixResponse { Id = "i", RequiredPlain = "a", RequiredNullable = null, Secret = "s" }, Context.MatrixResponse);

                public static string ReadLabelsBody(string json)
                {
                    var info = (JsonTypeInfo<IReadOnlyDictionary<string, int>>)Context.Options.GetTypeInfo(typeof(IReadOnlyDictionary<string, int>));
                    var labels = JsonSerializer.Deserialize(json, info)!;
                    return labels.Count + "|" + JsonSerializer.Serialize(labels, info);
                }

                public static async Task<string> GetZooThroughClient(string body)
                {
                    var client = new ContosoClient(new HttpClient(new FixedResponseHandler(body)) { BaseAddress = new Uri("http://127.0.0.1/") });
                    try
                    {
                        var zoo = await client.ZooGetAsync("in-progress", Guid.Empty.ToString());
                        return zoo.Color + "|" + zoo.Size;
                    }
                    catch (ContosoException exception)
                    {
                        return "ContosoException: " + exception.Message;
                    }
                }

                private sealed class FixedResponseHandler : HttpMessageHandler
                {
                    private readonly string _body;

                    public FixedResponseHandler(string body) => _body = body;

                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_body, Encoding.UTF8, "application/json") });
                }
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Theory]
    [InlineData("\"red\"", "True|True|red")]
    [InlineData("\"purple\"", "False|False|purple")]
    [InlineData("\"\"", "True|False|")]
    public void StringEnum_ReadsListedAndUnlistedValues(string value, string expected)
    {
        Assert.Equal(expected, Invoke("ColorFacts", "{\"name\":\"z\",\"color\":" + value + "}"));
    }

    [Theory]
    [InlineData("10", "True|True|10")]
    [InlineData("-1", "True|False|-1")]
    [InlineData("42", "False|False|42")]
    public void IntegerEnum_ReadsListedAndUnlistedValues(string value, string expected)
    {
        Assert.Equal(expected, Invoke("PriorityFacts", "{\"name\":\"z\",\"priority\":" + value + "}"));
    }

    [Theory]
    [InlineData("\"dark\"", "dark")]
    [InlineData("null", "null")]
    public void NullableEnum_ReadsNull(string value, string expected)
    {
        Assert.Equal(expected, Invoke("ThemeFacts", "{\"name\":\"z\",\"theme\":" + value + "}"));
    }

    [Theory]
    [InlineData("Red", "red")]
    [InlineData("InProgress", "in-progress")]
    [InlineData("Empty", "")]
    [InlineData("Value1", "1")]
    [InlineData("Minus1", "-1")]
    [InlineData("Plus", "+")]
    [InlineData("Minus", "-")]
    [InlineData("A", "A")]
    [InlineData("A2", "a")]
    [InlineData("Yes", "yes")]
    [InlineData("True", "true")]
    [InlineData("Class", "class")]
    [InlineData("Value2", "Value")]
    [InlineData("IsKnown2", "IsKnown")]
    [InlineData("Color2", "Color")]
    public void EnumMember_HasValidDistinctName(string memberName, string expectedValue)
    {
        var color = Probe.Value.Assembly.GetType("Contoso.Api.Color", throwOnError: true)!;

        var member = color.GetProperty(memberName, BindingFlags.Public | BindingFlags.Static);

        Assert.NotNull(member);
        Assert.Equal(expectedValue, member.GetValue(null)!.ToString());
    }

    [Theory]
    [InlineData("Priority", "Value1", "1")]
    [InlineData("Priority", "Value10", "10")]
    [InlineData("Priority", "Minus1", "-1")]
    [InlineData("Mode", "Read", "r")]
    [InlineData("Mode", "Write", "w")]
    [InlineData("Switch", "On", "on")]
    [InlineData("Switch", "Off", "off")]
    [InlineData("Switch", "Yes", "yes")]
    [InlineData("Switch", "No", "no")]
    [InlineData("Switch", "Y", "y")]
    [InlineData("Switch", "N", "n")]
    public void EnumMember_TakesNameFromValueOrExtension(string typeName, string memberName, string expectedValue)
    {
        var type = Probe.Value.Assembly.GetType("Contoso.Api." + typeName, throwOnError: true)!;

        var member = type.GetProperty(memberName, BindingFlags.Public | BindingFlags.Static);

        Assert.NotNull(member);
        Assert.Equal(expectedValue, member.GetValue(null)!.ToString());
    }

    [Theory]
    [InlineData("""{"pet_type":"cat","lives":9}""", "Cat 9")]
    [InlineData("""{"pet_type":"kitten","lives":1}""", "Cat 1")]
    [InlineData("""{"pet_type":"Dog","good":true}""", "Dog")]
    [InlineData("""{"pet_type":"bird","wings":2}""", """none {"pet_type":"bird","wings":2}""")]
    [InlineData("""{"lives":9}""", """none {"lives":9}""")]
    public void DiscriminatedUnion_ChoosesVariantByDiscriminator(string json, string expected)
    {
        Assert.Equal(expected, Invoke("PetVariant", json));
    }

    [Theory]
    [InlineData("""{"lives":9,"pet_type":"cat"}""")]
    [InlineData("""{"pet_type":"bird","wings":2}""")]
    public void DiscriminatedUnion_RoundTrips(string json)
    {
        Assert.Equal(json, Invoke("RoundTripPet", json));
    }

    [Fact]
    public void DiscriminatedUnion_WritesVariantCreatedInCode()
    {
        Assert.Equal("""{"good":true,"pet_type":"Dog"}""", Invoke("WritePet"));
    }

    [Theory]
    [InlineData("""{"radius":1.5}""", "Circle")]
    [InlineData("""{"side":2}""", "Square")]
    [InlineData("""{"corners":3}""", "none")]
    public void UnionWithoutDiscriminator_ChoosesVariantByRequiredProperties(string json, string expected)
    {
        Assert.Equal(expected, Invoke("ShapeVariant", json));
    }

    [Theory]
    [InlineData("\"text\"", "String")]
    [InlineData("12345678901", "Int64")]
    [InlineData("[\"a\",\"b\"]", "StringList")]
    [InlineData("true", "none")]
    [InlineData("1.5", "none")]
    public void UnionOfPrimitives_ChoosesVariantByJsonKind(string json, string expected)
    {
        Assert.Equal(expected, Invoke("TextVariant", json));
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("12345678901")]
    [InlineData("true")]
    [InlineData("""{"side":2}""")]
    public void UnionOfPrimitives_RoundTripsEveryValue(string json)
    {
        Assert.Equal(json, Invoke("RoundTripText", json));
    }

    [Fact]
    public void UnknownShape_RoundTrips()
    {
        Assert.Equal("""{"corners":3}""", Invoke("RoundTripShape", """{"corners":3}"""));
    }

    [Fact]
    public void RecursiveUnion_RoundTrips()
    {
        const string Json = """{"next":{"next":"leaf","value":"b"},"value":"a"}""";

        Assert.Equal(Json, Invoke("RoundTripNode", Json));
    }

    [Fact]
    public void Zoo_RoundTripsMapsFormatsAndEnums()
    {
        const string Json = """
            {"anything":{"a":[1,{"b":null}],"c":"d"},"born":"2024-02-29","color":"not-listed","counts":{"x":1,"y":null},"groups":{"g":[{"lives":7,"pet_type":"cat"}]},"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","labels":{"k":"v"},"maybe_cat":null,"mixed":["a"],"name":"zoo","pets":[{"lives":9,"pet_type":"cat"},{"pet_type":"fish"}],"photo":"AQID","priority":42,"seen_at":"2024-01-31T10:00:00+02:00","shapes":[{"radius":1}],"size":"huge","theme":null,"untyped":{"any":true},"visitors":9007199254740993}
            """;
        // The nullable optional members that the JSON sets to null ("maybe_cat", "theme") are written back.
        Assert.Equal(Json, Invoke("RoundTripZoo", Json));
    }

    [Fact]
    public void Zoo_NullInNonNullableMapValue_RaisesJsonException()
    {
        var exception = Assert.Throws<TargetInvocationException>(() => Invoke("RoundTripZoo", """{"name":"z","labels":{"k":null}}"""));

        Assert.Equal("System.Text.Json.JsonException", exception.InnerException?.GetType().FullName);
    }

    [Fact]
    public void ObjectWithAdditionalProperties_KeepsExtraMembers()
    {
        const string Json = """{"kind":"k","x":1,"y":2}""";

        Assert.Equal("2", Invoke("ExtraMemberCount", Json));
        Assert.Equal(Json, Invoke("RoundTripExtensible", Json));
    }

    [Fact]
    public void ObjectWithAdditionalProperties_WithoutExtraMembers_HasNullMap()
    {
        Assert.Equal("null", Invoke("ExtraMemberCount", """{"kind":"k"}"""));
    }

    [Fact]
    public void MapBody_ReadsAndWrites()
    {
        Assert.Equal("""2|{"a":1,"b":2}""", Invoke("ReadLabelsBody", """{"a":1,"b":2}"""));
    }

    [Theory]
    [InlineData("""{"id":"i","required_nullable":null}""", "'required_plain'")]
    [InlineData("""{"id":"i","required_plain":null,"required_nullable":null}""", "'required_plain'")]
    [InlineData("""{"id":"i","required_plain":"a"}""", "'required_nullable'")]
    [InlineData("""{"required_plain":"a","required_nullable":null}""", "'id'")]
    public void ResponseModel_MissingRequiredValue_RaisesJsonException(string json, string expectedProperty)
    {
        Assert.Contains(expectedProperty, Invoke("ReadError", json));
    }

    [Theory]
    [InlineData("""{"id":"i","required_plain":"a","required_nullable":null}""")]
    [InlineData("""{"id":"i","optional_nullable":null,"optional_plain":null,"required_plain":"a","required_nullable":"b"}""")]
    public void ResponseModel_AcceptsEveryAllowedShape(string json)
    {
        Assert.Equal("no exception", Invoke("ReadError", json));
    }

    [Fact]
    public void ResponseModel_WritesNoReadOnlyProperty()
    {
        Assert.Equal("""{"required_nullable":null,"required_plain":"a","secret":"s"}""", Invoke("WriteResponseModel"));
    }

    [Theory]
    [InlineData(
        """{"id":"i","optional_nullable":null,"optional_plain":"c","required_nullable":null,"required_plain":"a"}""",
        """{"optional_nullable":null,"optional_plain":"c","required_nullable":null,"required_plain":"a"}""")]
    [InlineData(
        """{"id":"i","optional_plain":null,"required_nullable":null,"required_plain":"a"}""",
        """{"required_nullable":null,"required_plain":"a"}""")]
    [InlineData(
        """{"id":"i","optional_nullable":"n","required_nullable":"b","required_plain":"a"}""",
        """{"optional_nullable":"n","required_nullable":"b","required_plain":"a"}""")]
    public void ResponseModel_RoundTripKeepsNullableOptionalAndDropsReadOnly(string json, string expected)
    {
        Assert.Equal(expected, Invoke("RoundTripMatrixResponse", json));
    }

    [Fact]
    public void ResponseModel_WritesAssignedNullOfNullableOptional()
    {
        Assert.Equal("""{"optional_nullable":null,"required_nullable":null,"required_plain":"a"}""", Invoke("WriteAssignedNulls"));
    }

    [Fact]
    public void RequestModel_WritesRequiredNullAndOmitsUnset()
    {
        Assert.Equal("""{"required_nullable":null,"required_plain":"a"}""", Invoke("WriteRequiredOnly"));
    }

    [Fact]
    public void RequestModel_WritesSetNullAndNoReadOnlyProperty()
    {
        Assert.Equal("""{"optional_nullable":null,"optional_plain":"c","required_nullable":"b","required_plain":"a"}""", Invoke("WriteEveryProperty"));
    }

    [Fact]
    public async Task Client_UnlistedEnumValues_DoNotFailTheResponse()
    {
        var result = await InvokeAsync("GetZooThroughClient", """{"name":"z","color":"ultraviolet","size":"huge"}""");

        Assert.Equal("ultraviolet|huge", result);
    }

    [Fact]
    public async Task Client_MissingRequiredProperty_RaisesClientException()
    {
        var result = await InvokeAsync("GetZooThroughClient", """{"color":"red"}""");

        Assert.StartsWith("ContosoException: ", result);
        Assert.Contains("'name'", result);
    }

    [Theory]
    [InlineData("Either", "\"x\"", "String")]
    [InlineData("Either", "5", "Int32")]
    [InlineData("Either", "true", "none")]
    [InlineData("Flexible", "[\"a\"]", "StringList")]
    [InlineData("Flexible", "{\"a\":1}", "Value")]
    [InlineData("Flexible", "\"x\"", "none")]
    public void SeveralTypes_ChooseVariantByJsonKind(string property, string value, string expected)
    {
        var probe = SeveralTypesProbe.Value;

        var variant = (string)probe.GetMethod("Variant" + property, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, ["{\"name\":\"n\",\"note\":null,\"" + property.ToLowerInvariant() + "\":" + value + "}"])!;

        Assert.Equal(expected, variant);
    }

    private const string SeveralTypesProbeSource = """
        using System.Text.Json;
        using Contoso.Api;

        namespace Probe
        {
            public static class SeveralTypesProbe
            {
                public static string VariantEither(string json)
                {
                    var either = JsonSerializer.Deserialize(json, ContosoClientJsonSerializerContext.Default.Thing)!.Either!;
                    if (either.String is not null)
                    {
                        return "String";
                    }

                    return either.Int32 is not null ? "Int32" : "none";
                }

                public static string VariantFlexible(string json)
                {
                    var flexible = JsonSerializer.Deserialize(json, ContosoClientJsonSerializerContext.Default.Thing)!.Flexible!;
                    if (flexible.StringList is not null)
                    {
                        return "StringList";
                    }

                    return flexible.Value is not null ? "Value" : "none";
                }
            }
        }
        """;

    private static readonly Lazy<Type> SeveralTypesProbe = new(() =>
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("schemas-3.1.yaml")], SeveralTypesProbeSource);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.SeveralTypesProbe", throwOnError: true)!;
    });

    private static string Invoke(string method, params object[] arguments) =>
        (string)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Task<string> InvokeAsync(string method, params object[] arguments) =>
        (Task<string>)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("schemas.yaml")], ProbeSource);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.SchemasProbe", throwOnError: true)!;
    }
}
