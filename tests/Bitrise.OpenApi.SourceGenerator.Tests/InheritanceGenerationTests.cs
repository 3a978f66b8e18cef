using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

/// <summary>
/// Generates from <c>Documents/inheritance.yaml</c>: which <c>allOf</c> schemas become derived classes and which
/// keep one class of the merged properties.
/// </summary>
public sealed class InheritanceGenerationTests
{
    private static readonly GeneratorOutput Output = GeneratorHarness.Run(TestDocuments.Local("inheritance.yaml"));

    [Fact]
    public void Inheritance_CompilesWithOnlyRedeclaredWarning()
    {
        Assert.Null(Output.Result.Exception);
        var diagnostic = Assert.Single(Output.GeneratorDiagnostics);
        Assert.Equal("OASG032", diagnostic.Id);
        Assert.Contains("at '#/components/schemas/Redeclared/allOf/1/properties/id'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("Build", "Contoso.Api.Resource")]
    [InlineData("PipelineBuild", "Contoso.Api.Build")]
    [InlineData("BuildEvent", "Contoso.Api.Event")]
    [InlineData("LogEvent", "Contoso.Api.Event")]
    [InlineData("Resource", "object")]
    [InlineData("BuildRequest", "object")]
    [InlineData("TwoBases", "object")]
    [InlineData("NoReference", "object")]
    [InlineData("ExtendsExtensible", "object")]
    [InlineData("Redeclared", "object")]
    [InlineData("RequiresMore", "object")]
    [InlineData("SelfLoop", "object")]
    public void AllOf_ChoosesBaseClass(string typeName, string expectedBase)
    {
        Assert.Equal(expectedBase, Type(typeName).BaseType!.ToDisplayString());
    }

    [Theory]
    [InlineData("Resource", false)]
    [InlineData("Build", false)]
    [InlineData("Event", false)]
    [InlineData("PipelineBuild", true)]
    [InlineData("BuildEvent", true)]
    [InlineData("TwoBases", true)]
    [InlineData("Labels", true)]
    public void Class_IsSealedUnlessBase(string typeName, bool expectedSealed)
    {
        Assert.Equal(expectedSealed, Type(typeName).IsSealed);
    }

    [Theory]
    [InlineData("Build", "Number,Status")]
    [InlineData("PipelineBuild", "Pipeline")]
    [InlineData("BuildRequest", "Branch,CreatedAt,Id,Token")]
    [InlineData("TwoBases", "CreatedAt,Id,Labels,Owner,Token")]
    [InlineData("ExtendsExtensible", "Extra,Kind")]
    [InlineData("Redeclared", "CreatedAt,Id,Token")]
    [InlineData("RequiresMore", "CreatedAt,Id,Note,Token")]
    [InlineData("SelfLoop", "Name")]
    public void Class_DeclaresOnlyItsOwnProperties(string typeName, string expectedProperties)
    {
        var names = Type(typeName).GetMembers().OfType<IPropertySymbol>().Select(property => property.Name).OrderBy(name => name, System.StringComparer.Ordinal);

        Assert.Equal(expectedProperties, string.Join(",", names));
    }

    [Fact]
    public void Redeclared_KeepsDerivedType()
    {
        var id = Type("Redeclared").GetMembers("Id").OfType<IPropertySymbol>().Single();

        Assert.Equal("int", id.Type.ToDisplayString());
    }

    [Fact]
    public void RequiresMore_MakesInheritedPropertyRequired()
    {
        var createdAt = Type("RequiresMore").GetMembers("CreatedAt").OfType<IPropertySymbol>().Single();

        Assert.True(createdAt.IsRequired);
    }

    [Fact]
    public void DerivedConverter_HidesBaseConverter()
    {
        var converter = Type("Build").GetTypeMembers("JsonConverter").Single();

        Assert.Equal("System.Text.Json.Serialization.JsonConverter<Contoso.Api.Build>", converter.BaseType!.ToDisplayString());
    }

    private static INamedTypeSymbol Type(string name) =>
        Output.Compilation.GetTypeByMetadataName("Contoso.Api." + name)!;
}
