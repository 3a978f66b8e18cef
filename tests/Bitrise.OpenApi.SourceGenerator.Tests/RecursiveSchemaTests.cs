using System;
using System.Linq;
using System.Reflection;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Generates <c>Documents/recursive.yaml</c>, whose schemas refer to themselves and to each other, runs the
/// converters on nested JSON, and checks that the cycles without a C# type are reported.
/// </summary>
public sealed class RecursiveSchemaTests
{
    private const string ProbeSource = """
        using System.Text.Json;
        using Contoso.Recursive;

        namespace Probe
        {
            public static class RecursiveProbe
            {
                public static string RoundTripNode(string json) =>
                    JsonSerializer.Serialize(
                        JsonSerializer.Deserialize(json, RecursiveClientJsonSerializerContext.Default.Node)!,
                        RecursiveClientJsonSerializerContext.Default.Node);

                public static string GrandchildName(string json) =>
                    JsonSerializer.Deserialize(json, RecursiveClientJsonSerializerContext.Default.Node)!.Children![0].Children![0].Name;

                public static string RoundTripOwner(string json) =>
                    JsonSerializer.Serialize(
                        JsonSerializer.Deserialize(json, RecursiveClientJsonSerializerContext.Default.Owner)!,
                        RecursiveClientJsonSerializerContext.Default.Owner);

                public static string SerializeCycle()
                {
                    var owner = new Owner { Name = "ann" };
                    owner.Pet = new Pet { Name = "rex", Owner = owner };
                    try
                    {
                        return JsonSerializer.Serialize(owner, RecursiveClientJsonSerializerContext.Default.Owner);
                    }
                    catch (JsonException exception)
                    {
                        return "JsonException: " + exception.Message;
                    }
                }

                public static string ReadTooDeep(int depth)
                {
                    var json = string.Concat(System.Linq.Enumerable.Repeat("{\"name\":\"n\",\"parent\":", depth)) + "null" + new string('}', depth);
                    try
                    {
                        JsonSerializer.Deserialize(json, RecursiveClientJsonSerializerContext.Default.Node);
                        return "no exception";
                    }
                    catch (JsonException exception)
                    {
                        return "JsonException: " + exception.Message;
                    }
                }
            }
        }
        """;

    private const string ReferenceCycle = """
        openapi: 3.0.3
        info: { title: Reference cycle, version: "1" }
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                first:
                  $ref: "#/components/schemas/First"
            First:
              $ref: "#/components/schemas/Second"
            Second:
              $ref: "#/components/schemas/First"
        """;

    private const string AllOfCycle = """
        openapi: 3.0.3
        info: { title: AllOf cycle, version: "1" }
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                first:
                  $ref: "#/components/schemas/First"
            First:
              allOf:
                - $ref: "#/components/schemas/Second"
            Second:
              allOf:
                - $ref: "#/components/schemas/First"
        """;

    private const string ArrayCycle = """
        openapi: 3.0.3
        info: { title: Array cycle, version: "1" }
        paths: {}
        components:
          schemas:
            Holder:
              type: object
              properties:
                nested:
                  $ref: "#/components/schemas/Nested"
            Nested:
              type: array
              items:
                $ref: "#/components/schemas/Nested"
        """;

    private static readonly Lazy<Type> Probe = new(LoadProbe);

    /// <summary>
    /// Cycles that have no C# type, the zero-based line of the warning, and the type of the property that uses
    /// the cycle. A reference cycle is reported at the property. An array cycle is reported at the items of the
    /// array, which become JSON values.
    /// </summary>
    public static TheoryData<string, string, int, string> UntypedCycles => new()
    {
        { "reference-cycle.yaml", ReferenceCycle, 8, "System.Text.Json.JsonElement?" },
        { "allof-cycle.yaml", AllOfCycle, 8, "System.Text.Json.JsonElement?" },
        { "array-cycle.yaml", ArrayCycle, 12, "System.Collections.Generic.IReadOnlyList<System.Text.Json.JsonElement>?" },
    };

    [Fact]
    public void RecursiveDocument_GeneratesWithoutWarnings()
    {
        var output = Generate();

        Assert.Empty(output.AllDiagnostics);
    }

    [Theory]
    [InlineData("Node", "Parent", "Contoso.Recursive.Node?")]
    [InlineData("Node", "Children", "System.Collections.Generic.IReadOnlyList<Contoso.Recursive.Node>?")]
    [InlineData("Owner", "Pet", "Contoso.Recursive.Pet?")]
    [InlineData("Pet", "Owner", "Contoso.Recursive.Owner?")]
    public void RecursiveProperty_HasGeneratedType(string typeName, string propertyName, string expectedType)
    {
        var output = Generate();

        var type = output.Compilation.GetTypeByMetadataName("Contoso.Recursive." + typeName)!;
        var property = type.GetMembers(propertyName).OfType<IPropertySymbol>().Single();
        Assert.Equal(expectedType, property.Type.ToDisplayString());
    }

    [Theory]
    [InlineData("Base")]
    [InlineData("Derived")]
    public void AllOfCycle_MergesPropertiesOfBoth(string typeName)
    {
        var output = Generate();

        var type = output.Compilation.GetTypeByMetadataName("Contoso.Recursive." + typeName)!;
        Assert.Single(type.GetMembers("BaseName").OfType<IPropertySymbol>());
        Assert.Single(type.GetMembers("DerivedName").OfType<IPropertySymbol>());
    }

    [Fact]
    public void TreeNode_RoundTrips()
    {
        var json = """{"children":[{"children":[{"children":[],"name":"leaf"}],"name":"child"}],"name":"root","parent":{"name":"up"}}""";

        Assert.Equal(json, Invoke("RoundTripNode", json));
    }

    [Fact]
    public void TreeNode_ReadsGrandchild()
    {
        var json = """{"name":"root","children":[{"name":"child","children":[{"name":"leaf"}]}]}""";

        Assert.Equal("leaf", Invoke("GrandchildName", json));
    }

    [Fact]
    public void MutualReferences_RoundTrip()
    {
        var json = """{"name":"ann","pet":{"name":"rex","owner":{"name":"bob","pet":{"name":"tom"}}}}""";

        Assert.Equal(json, Invoke("RoundTripOwner", json));
    }

    [Fact]
    public void CyclicObjects_RaiseJsonException()
    {
        Assert.StartsWith("JsonException: ", Invoke("SerializeCycle"));
    }

    [Fact]
    public void DeepJson_RaisesJsonException()
    {
        Assert.StartsWith("JsonException: ", Invoke("ReadTooDeep", 100));
    }

    [Theory]
    [MemberData(nameof(UntypedCycles))]
    public void UntypedCycle_ReportsLocatedWarning(string fileName, string text, int expectedLine, string expectedType)
    {
        _ = expectedType;
        var path = "/specs/" + fileName;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem(path, text));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG014", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expectedLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'#/components/schemas/Holder/properties/", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(UntypedCycles))]
    public void UntypedCycle_IsTypedJsonElement(string fileName, string text, int expectedLine, string expectedType)
    {
        _ = expectedLine;

        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/" + fileName, text));

        var holder = output.Compilation.GetTypeByMetadataName("Contoso.Api.Holder")!;
        var property = Assert.Single(holder.GetMembers().OfType<IPropertySymbol>());
        Assert.Equal(expectedType, property.Type.ToDisplayString());
        Assert.DoesNotContain(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    private static GeneratorOutput Generate() =>
        GeneratorHarness.Run(TestDocuments.Local("recursive.yaml", "Contoso.Recursive", "RecursiveClient"));

    private static string Invoke(string method, params object[] arguments) =>
        (string)Probe.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static Type LoadProbe()
    {
        var output = GeneratorHarness.Run([TestDocuments.Local("recursive.yaml", "Contoso.Recursive", "RecursiveClient")], ProbeSource);
        Assert.DoesNotContain(output.AllDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.RecursiveProbe", throwOnError: true)!;
    }
}
