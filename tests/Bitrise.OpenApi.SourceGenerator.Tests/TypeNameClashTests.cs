using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Runs the generator with item metadata and schema names that meet a name the generator emits itself, and checks
/// that the build shows either one OASG052 and no code for the document, or generated code that compiles.
/// </summary>
public sealed class TypeNameClashTests
{
    private const string DocumentPath = "/specs/pets.yaml";

    private const string Document = """
        openapi: 3.0.3
        info: { title: Pets, version: "1" }
        paths:
          /pets:
            get:
              operationId: i-pet-list
              responses:
                "200":
                  description: The pets.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string }
                list: { $ref: '#/components/schemas/PetList' }
            PetList:
              type: object
              properties:
                count: { type: integer }
            Petlist:
              type: object
              properties:
                total: { type: integer }
        """;

    /// <summary>The item metadata, and the option name and part of the clash that the message must name.</summary>
    public static TheoryData<string, string, string> Clashes => new()
    {
        { "ClientName", "Optional", "the type 'Optional' that the generator emits in every namespace" },
        { "ClientName", "optional", "the type 'Optional' that the generator emits in every namespace" },
        { "ClientName", "OpenApiJson", "the type 'OpenApiJson' that the generator emits in every namespace" },
        { "ClientName", "BaseAddress", "a member of the same name that the client declares or inherits" },
        { "ClientName", "RequestBuilder", "a member of the same name that the client declares or inherits" },
        { "ClientName", "Start", "a member of the same name that the client declares or inherits" },
        { "ClientName", "ResponseBodyLength", "a member of the same name that the client declares or inherits" },
        { "SerializerContextName", "Optional", "the type 'Optional' that the generator emits in every namespace" },
        { "SerializerContextName", "OpenApiJson", "the type 'OpenApiJson' that the generator emits in every namespace" },
        { "SerializerContextName", "ContosoClient", "the generated client 'ContosoClient'" },
        { "SerializerContextName", "IContosoClient", "the generated interface 'IContosoClient'" },
        { "SerializerContextName", "contosoException", "the generated exception 'ContosoException'" },
        { "SerializerContextName", "Default", "a member of the same name that the context declares" },
        { "SerializerContextName", "Options", "a member of the same name that the context declares" },
        { "SerializerContextName", "GetTypeInfo", "a member of the same name that the context declares" },
    };

    [Theory]
    [MemberData(nameof(Clashes))]
    public void OptionClash_ReportsOneErrorAndNoCode(string option, string value, string expectedClash)
    {
        var output = GeneratorHarness.Run(Item(option, value));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        var message = diagnostic.GetMessage();
        Assert.Equal("OASG052", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(DocumentPath, diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("'" + DocumentPath + "' line 1, column 1, at '#': The " + option + " metadata names ", message);
        Assert.Contains("'" + value + "'", message);
        Assert.Contains("which clashes with " + expectedClash, message);
        Assert.Contains("Set " + option + " to another name", message);
        Assert.EndsWith("No code is generated for the document.", message);
        Assert.Empty(output.Result.GeneratedSources);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void OptionClash_OtherDocumentEmitsSharedTypes()
    {
        var clashing = Item("ClientName", "Optional") with { Path = "/specs/a.yaml" };
        var other = new OpenApiDocumentItem("/specs/b.yaml", Document, ClientName: "OtherClient");

        var output = GeneratorHarness.Run(clashing, other);

        Assert.Equal(["OASG052"], output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Contains(output.Result.GeneratedSources, source => source.HintName == "Contoso.Api.Optional.g.cs");
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.OtherClient"));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("ClientName", "Pet")]
    [InlineData("ClientName", "petList")]
    [InlineData("SerializerContextName", "Pet")]
    [InlineData("SerializerContextName", "PETLIST")]
    public void OptionNamedLikeSchema_NumbersSchema(string option, string value)
    {
        var output = GeneratorHarness.Run(Item(option, value));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api." + value));
    }

    [Fact]
    public void ClientNamedLikeNamespace_CompilesWithoutWarnings()
    {
        // In namespace Contoso.Api, a doc comment's reference to Contoso.Api.Pet would find the client Contoso first.
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, Document, ClientName: "Contoso"));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void SchemaNamedLikeContext_IsNumbered()
    {
        var output = GeneratorHarness.Run(Item("SerializerContextName", "Pet"));

        var pet = output.Compilation.GetTypeByMetadataName("Contoso.Api.Pet2");
        Assert.NotNull(pet);
        Assert.NotNull(pet.GetMembers("Name").SingleOrDefault());
    }

    [Fact]
    public void SchemasDifferingInCase_GetDistinctNames()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, Document));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.PetList"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.Petlist2"));
    }

    [Fact]
    public void SchemasDifferingInCaseAcrossDocuments_ReportConflict()
    {
        const string Other = """
            openapi: 3.0.3
            info: { title: Other, version: "1" }
            paths: {}
            components:
              schemas:
                PETLIST:
                  type: object
                  properties:
                    size: { type: integer }
            """;
        var first = new OpenApiDocumentItem("/specs/a.yaml", Document);
        var second = new OpenApiDocumentItem("/specs/b.yaml", Other, ClientName: "OtherClient");

        var output = GeneratorHarness.Run(first, second);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG009", diagnostic.Id);
        Assert.Equal("/specs/b.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void ClientNameEndingInAsync_InterfaceCompiles()
    {
        // The operation maps to IPetListAsync, the name of the interface of the client PetListAsync.
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, Document, ClientName: "PetListAsync"));

        Assert.Equal(["OASG030"], output.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api.IPetListAsync")!.GetMembers("IPetList2Async").SingleOrDefault());
    }

    /// <summary>Schemas named like a member that the generator writes into their own type or into the serializer context.</summary>
    private const string MemberNamesDocument = """
        openapi: 3.0.3
        info: { title: Members, version: "1" }
        paths: {}
        components:
          schemas:
            Json: { oneOf: [{ type: string }, { type: integer }] }
            Value: { type: string, enum: [a] }
            IsKnown: { type: string, enum: [b] }
            ToString: { type: object, properties: { x: { type: string } } }
            Equals: { type: object, properties: { z: { type: string } } }
            GetHashCode: { type: string, enum: [c] }
            GetType: { oneOf: [{ type: string }, { type: boolean }] }
            ReferenceEquals: { type: object, properties: { referenceEquals: { type: string } } }
            Cat: { type: object, properties: { lives: { type: integer } } }
            FromCat: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { type: string }] }
            Pair: { oneOf: [{ $ref: '#/components/schemas/FromDog' }, { $ref: '#/components/schemas/Dog' }] }
            Dog: { type: object, properties: { bark: { type: boolean } } }
            FromDog: { type: object, properties: { howl: { type: boolean } } }
        """;

    private const string MemberNamesProbe = """
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using Contoso.Api;

        namespace Probe
        {
            public static class MemberNamesProbe
            {
                private static ContosoClientJsonSerializerContext Context => ContosoClientJsonSerializerContext.Default;

                private static string RoundTrip<T>(string json, JsonTypeInfo<T> info) =>
                    JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);

                public static string[] RoundTrips() =>
                [
                    RoundTrip("7", Context.Json2),
                    RoundTrip("\"a\"", Context.Value2),
                    RoundTrip("\"b\"", Context.IsKnown2),
                    RoundTrip("{\"x\":\"1\"}", Context.ToString2),
                    RoundTrip("{\"z\":\"2\"}", Context.Equals2),
                    RoundTrip("\"c\"", Context.GetHashCode2),
                    RoundTrip("true", Context.GetType2),
                    RoundTrip("{\"referenceEquals\":\"3\"}", Context.ReferenceEquals2),
                    RoundTrip("{\"lives\":9}", Context.FromCat),
                    RoundTrip("{\"howl\":true}", Context.Pair),
                ];

                public static string Factories() =>
                    JsonSerializer.Serialize(FromCat.FromCat2(new Cat { Lives = 1 }), Context.FromCat)
                    + " " + JsonSerializer.Serialize(Pair.FromDog2(new Dog { Bark = true }), Context.Pair)
                    + " " + JsonSerializer.Serialize(Pair.FromFromDog(new FromDog { Howl = false }), Context.Pair);
            }
        }
        """;

    [Theory]
    [InlineData("Json2")]
    [InlineData("Value2")]
    [InlineData("IsKnown2")]
    [InlineData("ToString2")]
    [InlineData("Equals2")]
    [InlineData("GetHashCode2")]
    [InlineData("GetType2")]
    [InlineData("ReferenceEquals2")]
    [InlineData("FromCat")]
    public void SchemaNamedLikeMember_IsNumbered(string typeName)
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, MemberNamesDocument));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Contoso.Api." + typeName));
    }

    [Fact]
    public void UnionVariantNamedLikeFactory_IsNumbered()
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, MemberNamesDocument));

        var fromCat = output.Compilation.GetTypeByMetadataName("Contoso.Api.FromCat")!;
        var pair = output.Compilation.GetTypeByMetadataName("Contoso.Api.Pair")!;
        Assert.NotEmpty(fromCat.GetMembers("Cat2"));
        Assert.NotEmpty(fromCat.GetMembers("FromCat2"));
        Assert.NotEmpty(pair.GetMembers("FromDog"));
        Assert.NotEmpty(pair.GetMembers("FromFromDog"));
        Assert.NotEmpty(pair.GetMembers("Dog2"));
        Assert.NotEmpty(pair.GetMembers("FromDog2"));
    }

    [Fact]
    public void SchemasNamedLikeMembers_RoundTrip()
    {
        var output = GeneratorHarness.Run([new OpenApiDocumentItem(DocumentPath, MemberNamesDocument)], MemberNamesProbe);
        var probe = GeneratorHarness.EmitAndLoad(output.Compilation).GetType("Probe.MemberNamesProbe", throwOnError: true)!;

        var roundTrips = (string[])probe.GetMethod("RoundTrips")!.Invoke(null, [])!;
        var factories = (string)probe.GetMethod("Factories")!.Invoke(null, [])!;

        Assert.Equal(
            ["7", "\"a\"", "\"b\"", "{\"x\":\"1\"}", "{\"z\":\"2\"}", "\"c\"", "true", "{\"referenceEquals\":\"3\"}", "{\"lives\":9}", "{\"howl\":true}"],
            roundTrips);
        Assert.Equal("{\"lives\":1} {\"bark\":true} {\"howl\":false}", factories);
    }

    /// <summary>A document whose schema takes the name of a .NET type that the generated code names, in the namespace System.</summary>
    private const string GuidDocument = """
        openapi: 3.0.3
        info: { title: Guids, version: "1" }
        paths:
          /g:
            get:
              operationId: g
              responses:
                "200":
                  description: The value.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Guid' }
        components:
          schemas:
            Guid: { type: object, properties: { v: { type: string, format: uuid } } }
        """;

    [Theory]
    [InlineData("System", "ContosoClient")]
    [InlineData("System", "Exception")]
    [InlineData("System.Net.Api", "ContosoClient")]
    public void SystemNamespace_ReportsErrorAndNoCode(string @namespace, string clientName)
    {
        var system = new OpenApiDocumentItem("/specs/s.yaml", GuidDocument, Namespace: @namespace, ClientName: clientName);
        var other = new OpenApiDocumentItem("/specs/k.yaml", Document, Namespace: "K");

        var output = GeneratorHarness.Run(system, other);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        var message = diagnostic.GetMessage();
        Assert.Equal("OASG053", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/s.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.StartsWith("'/specs/s.yaml' line 1, column 1, at '#': The namespace '" + @namespace + "' ", message);
        Assert.Contains("Set the Namespace metadata to a namespace of your own", message);
        Assert.EndsWith("No code is generated for the document.", message);
        Assert.DoesNotContain(output.Result.GeneratedSources, source => source.HintName.StartsWith(@namespace + ".", System.StringComparison.Ordinal));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("K.ContosoClient"));
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("Contoso.System")]
    [InlineData("SystemApi")]
    [InlineData("Microsoft.Contoso")]
    public void NamespaceNamedLikeSystem_Compiles(string @namespace)
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem("/specs/s.yaml", GuidDocument, Namespace: @namespace));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(item => item.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName(@namespace + ".Guid"));
    }

    private static OpenApiDocumentItem Item(string option, string value) =>
        option == "ClientName"
            ? new OpenApiDocumentItem(DocumentPath, Document, ClientName: value)
            : new OpenApiDocumentItem(DocumentPath, Document, Metadata: new Dictionary<string, string> { [option] = value });
}
