using System;
using System.Reflection;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Compiles the code generated for <c>Documents/serialization.yaml</c> with a probe and runs it: extra members
/// beside declared ones, union values created in code, the messages of union read failures, and derived objects
/// written through a property typed as their base class.
/// </summary>
public sealed class SerializationRuntimeTests
{
    private const string ProbeSource = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using Contoso.Serialization;

        namespace Probe
        {
            public static class SerializationProbe
            {
                private static OwnerClientJsonSerializerContext Context => OwnerClientJsonSerializerContext.Default;

                public static string WriteTaggedWithDeclaredKeys() =>
                    JsonSerializer.Serialize(
                        new Tagged
                        {
                            Kind = "declared",
                            AdditionalProperties = new Dictionary<string, string> { ["kind"] = "extra", ["note"] = "extra", ["color"] = "red" },
                        },
                        Context.Tagged);

                public static string ReadTaggedExtraKeys(string json)
                {
                    var tagged = JsonSerializer.Deserialize(json, Context.Tagged)!;
                    return tagged.Kind + "|" + string.Join(",", tagged.AdditionalProperties!.Keys);
                }

                public static string WriteDogWithoutDiscriminator() =>
                    JsonSerializer.Serialize(Pet.FromDog(new Dog { Good = true }), Context.Pet);

                public static string WriteCatWithItsDiscriminator() =>
                    JsonSerializer.Serialize(Pet.FromCat(new Cat { PetType = "cat", Lives = 9 }), Context.Pet);

                public static string CatWithOtherDiscriminator()
                {
                    try
                    {
                        Pet.FromCat(new Cat { PetType = "dog" });
                        return "no exception";
                    }
                    catch (ArgumentException exception)
                    {
                        return exception.ParamName + "|" + exception.Message;
                    }
                }

                public static string ReadOwnerError(string json)
                {
                    try
                    {
                        JsonSerializer.Deserialize(json, Context.Owner);
                        return "no exception";
                    }
                    catch (JsonException exception)
                    {
                        return exception.Path + "|" + exception.Message;
                    }
                }

                public static string WriteDerivedThroughBase() =>
                    JsonSerializer.Serialize(
                        new Owner { Favorite = new Parrot { Name = "polly", Wings = 2, Words = new[] { "hello" } } },
                        Context.Owner);

                public static string WriteDerivedItemsThroughBase() =>
                    JsonSerializer.Serialize(
                        new Owner { Birds = new Bird[] { new Parrot { Name = "polly", Words = new[] { "hi" } }, new Bird { Name = "robin", Wings = 2 } } },
                        Context.Owner);

                public static string WriteRequestVariants() =>
                    JsonSerializer.Serialize(Shape.FromCircle(new Circle { Radius = 1 }), Context.Shape) + "|"
                    + JsonSerializer.Serialize(Shape.FromSquare(new Square { Side = 2 }), Context.Shape);

                public static string SquareWithOtherDiscriminator()
                {
                    try
                    {
                        Shape.FromSquare(new Square { ShapeType = ShapeType.Circle });
                        return "no exception";
                    }
                    catch (ArgumentException exception)
                    {
                        return exception.Message;
                    }
                }

                public static string WriteEnumDiscriminatorThroughBase() =>
                    JsonSerializer.Serialize(new Owner { Fruit = new Apple { Kind = FruitKind.Fruit, Crisp = true } }, Context.Owner);

                public static string ReadDerivedThroughBase(string json)
                {
                    var owner = JsonSerializer.Deserialize(json, Context.Owner)!;
                    return owner.Favorite!.GetType().Name + "|" + JsonSerializer.Serialize(owner, Context.Owner);
                }

                public static string WriteOtherDiscriminatorThroughBase() =>
                    JsonSerializer.Serialize(new Owner { Favorite = new Parrot { Kind = "bird", Name = "polly" } }, Context.Owner);

                public static string RoundTripOwner(string json)
                {
                    var owner = JsonSerializer.Deserialize(json, Context.Owner)!;
                    var written = JsonSerializer.Serialize(owner, Context.Owner);
                    var again = JsonSerializer.Deserialize(written, Context.Owner)!;
                    return written + "|" + Describe(again);
                }

                public static string WriteMountFromFactories()
                {
                    var horse = JsonSerializer.Serialize(Mount.FromHorse(new Horse { Name = "bess" }), Context.Mount);
                    var camel = JsonSerializer.Serialize(Mount.FromCamel(new Camel { Humps = 2 }), Context.Mount);
                    return horse + "|" + camel + "|" + Describe(JsonSerializer.Deserialize(horse, Context.Mount)!) + "|" + Describe(JsonSerializer.Deserialize(camel, Context.Mount)!);
                }

                private static string Describe(Owner owner) =>
                    owner.Mount is not null ? Describe(owner.Mount) : owner.Favorite?.GetType().Name + " " + owner.Favorite?.Kind;

                private static string Describe(Mount mount)
                {
                    if (mount.Horse is not null)
                    {
                        return "Horse " + mount.Horse.Name;
                    }

                    if (mount.Camel is not null)
                    {
                        return "Camel " + mount.Camel.Humps;
                    }

                    return "none";
                }

                public static string WriteBaseDiscriminators() =>
                    JsonSerializer.Serialize(new Animal { Name = "unset" }, Context.Animal) + "|"
                    + JsonSerializer.Serialize(new Animal { Kind = "parrot", Name = "derived" }, Context.Animal);

                public static string WriteUndeclaredDiscriminator() =>
                    JsonSerializer.Serialize(new Owner { Vehicle = new Car { Seats = 4, Wheels = 4 } }, Context.Owner);
            }
        }
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    [Fact]
    public void ExtraMembers_DeclaredKeysAreNotWrittenTwice()
    {
        // A JSON object with "kind" twice is read by most readers as the last one, so the extra value would win.
        Assert.Equal("""{"kind":"declared","color":"red"}""", Invoke("WriteTaggedWithDeclaredKeys"));
    }

    [Fact]
    public void ExtraMembers_ReadKeepsDeclaredNamesOut()
    {
        Assert.Equal("declared|color", Invoke("ReadTaggedExtraKeys", """{"kind":"declared","note":"n","color":"red"}"""));
    }

    [Fact]
    public void UnionFactory_SetsUnsetDiscriminator()
    {
        Assert.Equal("""{"good":true,"pet_type":"dog"}""", Invoke("WriteDogWithoutDiscriminator"));
    }

    [Fact]
    public void UnionFactory_KeepsMatchingDiscriminator()
    {
        Assert.Equal("""{"lives":9,"pet_type":"cat"}""", Invoke("WriteCatWithItsDiscriminator"));
    }

    [Fact]
    public void UnionFactory_OtherDiscriminator_RaisesArgumentException()
    {
        var result = Invoke("CatWithOtherDiscriminator");

        Assert.StartsWith("value|", result);
        Assert.Contains("must be 'cat'", result);
        Assert.Contains("'dog'", result);
    }

    [Fact]
    public void UnionFactory_SetsOptionalAndEnumDiscriminators()
    {
        Assert.Equal("""{"radius":1,"shape_type":"circle"}|{"shape_type":"square","side":2}""", Invoke("WriteRequestVariants"));
    }

    [Fact]
    public void UnionFactory_OtherEnumDiscriminator_RaisesArgumentException()
    {
        Assert.Contains("must be 'square', but it is 'circle'", Invoke("SquareWithOtherDiscriminator"));
    }

    [Fact]
    public void UnionReadFailure_NamesPathUnionAndVariants()
    {
        var result = Invoke("ReadOwnerError", """{"pet":{"pet_type":"cat","lives":"nine"}}""");

        Assert.StartsWith("$.pet.lives|", result);
        Assert.Contains("at '$.pet'", result);
        Assert.Contains("as Pet", result);
        Assert.Contains("Cat (pet_type 'cat') or Dog (pet_type 'dog')", result);
        Assert.Contains("'lives'", result);
    }

    [Theory]
    [InlineData("""{"pets_by_name":{"rex":null}}""", "$.pets_by_name.rex")]
    [InlineData("""{"pet_list":[{"pet_type":"dog"},null]}""", "$.pet_list[1]")]
    public void NullUnionItem_NamesPathAndVariants(string json, string path)
    {
        var result = Invoke("ReadOwnerError", json);

        Assert.StartsWith(path + "|", result);
        Assert.Contains("at '" + path + "' is null", result);
        Assert.Contains("Pet expects one of Cat", result);
        Assert.DoesNotContain("{}", result);
    }

    [Fact]
    public void NestedReadFailure_NamesFullPath()
    {
        var result = Invoke("ReadOwnerError", """{"pet_list":[{"pet_type":"dog"},{"pet_type":"cat","lives":"x"}]}""");

        Assert.StartsWith("$.pet_list[1].lives|", result);
        Assert.Contains("at '$.pet_list[1]'", result);
    }

    [Fact]
    public void DerivedThroughBaseProperty_WritesDerivedMembers()
    {
        Assert.Equal("""{"favorite":{"kind":"parrot","name":"polly","wings":2,"words":["hello"]}}""", Invoke("WriteDerivedThroughBase"));
    }

    [Fact]
    public void BaseArray_WritesDerivedItems()
    {
        Assert.Equal("""{"birds":[{"kind":"parrot","name":"polly","words":["hi"]},{"kind":"bird","name":"robin","wings":2}]}""", Invoke("WriteDerivedItemsThroughBase"));
    }

    [Fact]
    public void BaseProperty_ReadsDerivedType()
    {
        const string Json = """{"favorite":{"kind":"parrot","name":"polly","wings":2,"words":["hello"]}}""";

        Assert.Equal("Parrot|" + Json, Invoke("ReadDerivedThroughBase", Json));
    }

    [Fact]
    public void ForeignDiscriminator_WritesRuntimeClass()
    {
        Assert.Equal("""{"favorite":{"kind":"parrot","name":"polly"}}""", Invoke("WriteOtherDiscriminatorThroughBase"));
    }

    [Fact]
    public void ForeignEnumDiscriminator_WritesRuntimeClass()
    {
        Assert.Equal("""{"fruit":{"kind":"apple","crisp":true}}""", Invoke("WriteEnumDiscriminatorThroughBase"));
    }

    [Fact]
    public void UndeclaredDiscriminator_IsWrittenFirst()
    {
        Assert.Equal("""{"vehicle":{"type":"Car","wheels":4,"seats":4}}""", Invoke("WriteUndeclaredDiscriminator"));
    }

    [Theory]
    [InlineData("""{"mount":{"kind":"horse","name":"bess"}}""", "Horse bess")]
    [InlineData("""{"mount":{"kind":"pony","name":"bess"}}""", "Horse bess")]
    [InlineData("""{"mount":{"kind":"Camel","humps":2}}""", "Camel 2")]
    public void UndeclaredUnionDiscriminator_ReadValueRoundTrips(string json, string variant)
    {
        Assert.Equal(json + "|" + variant, Invoke("RoundTripOwner", json));
    }

    [Fact]
    public void UndeclaredUnionDiscriminator_FactoryValueRoundTrips()
    {
        Assert.Equal("""{"kind":"horse","name":"bess"}|{"kind":"Camel","humps":2}|Horse bess|Camel 2""", Invoke("WriteMountFromFactories"));
    }

    [Theory]
    [InlineData("""{"favorite":{"kind":"fish","name":"nemo"}}""", "Animal fish")]
    [InlineData("""{"favorite":{"kind":"Parrot","name":"polly"}}""", "Animal Parrot")]
    [InlineData("""{"favorite":{"kind":"animal","name":"rex"}}""", "Animal animal")]
    public void BaseClassDiscriminator_ReadValueRoundTrips(string json, string result)
    {
        Assert.Equal(json + "|" + result, Invoke("RoundTripOwner", json));
    }

    [Fact]
    public void BaseDiscriminator_WritesOwnWhenUnsetOrDerived()
    {
        Assert.Equal("""{"kind":"animal","name":"unset"}|{"kind":"animal","name":"derived"}""", Invoke("WriteBaseDiscriminators"));
    }

    private static string Invoke(string method, params object[] arguments) =>
        (string)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("serialization.yaml", "Contoso.Serialization", "OwnerClient")], ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.SerializationProbe", throwOnError: true)!;
    }
}
