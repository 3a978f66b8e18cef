using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrise.OpenApi.SourceGenerator.Tests;

public sealed class OptionDiagnosticsTests
{
    private const string DocumentPath = "/specs/inventory.yaml";

    private const string Document = """
        openapi: 3.0.3
        info: { title: Inventory, version: "1" }
        paths:
          /items:
            get:
              operationId: item-list
              responses:
                "204": { description: No content }
        """;

    [Theory]
    [InlineData("ClientNmae")]
    [InlineData("Accessibility")]
    [InlineData("namespaces")]
    public void UnknownName_ReportsWarningAtItem(string name)
    {
        var output = GeneratorHarness.Run(Item(new() { [name] = "value" }));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG050");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DocumentPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var message = diagnostic.GetMessage();
        Assert.Contains("'" + DocumentPath + "'", message);
        Assert.Contains("'" + name + "'", message);
        Assert.Contains("OpenApi, Namespace, ClientName, TypeAccessibility or SerializerContextName", message);
    }

    [Theory]
    [InlineData("TypeAccessibility")]
    [InlineData("typeaccessibility")]
    [InlineData("SerializerContextName")]
    [InlineData("Link")]
    [InlineData("CopyToOutputDirectory")]
    public void KnownName_ReportsNothing(string name)
    {
        var value = name.Equals("TypeAccessibility", System.StringComparison.OrdinalIgnoreCase) ? "internal" : "JsonContext";

        var output = GeneratorHarness.Run(Item(new() { [name] = value }));

        Assert.Empty(output.GeneratorDiagnostics);
    }

    [Fact]
    public void TwoUnknownNames_ReportOneWarningEach()
    {
        var output = GeneratorHarness.Run(Item(new() { ["Zeta"] = "1", ["Alpha"] = "2" }));

        var names = output.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "OASG050").Select(diagnostic => diagnostic.GetMessage()).ToList();
        Assert.Equal(2, names.Count);
        Assert.Contains("'Alpha'", names[0]);
        Assert.Contains("'Zeta'", names[1]);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("protected")]
    [InlineData("yes")]
    public void InvalidAccessibility_ReportsErrorWithChoices(string value)
    {
        var output = GeneratorHarness.Run(Item(new() { ["TypeAccessibility"] = value }));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics, diagnostic => diagnostic.Id == "OASG051");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(DocumentPath, diagnostic.Location.GetLineSpan().Path);
        var message = diagnostic.GetMessage();
        Assert.Contains("TypeAccessibility=\"" + value + "\"", message);
        Assert.Contains("public or internal", message);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    public void InvalidOptIn_ReportsErrorWithChoices(string value)
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, Document, OptIn: false, Metadata: new Dictionary<string, string> { ["OpenApi"] = value }));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("OASG051", diagnostic.Id);
        Assert.Equal(DocumentPath, diagnostic.Location.GetLineSpan().Path);
        var message = diagnostic.GetMessage();
        Assert.Contains("OpenApi=\"" + value + "\"", message);
        Assert.Contains("true or false", message);
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Api.ContosoClient"));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("")]
    public void OptInFalseOrEmpty_ReportsNothing(string value)
    {
        var output = GeneratorHarness.Run(new OpenApiDocumentItem(DocumentPath, Document, OptIn: false, Metadata: new Dictionary<string, string> { ["OpenApi"] = value }));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Api.ContosoClient"));
    }

    [Fact]
    public void WithoutMetadataNames_ReportsNoUnknownName()
    {
        // A project that imports only the props file passes the declared metadata and no list of names.
        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApi"] = "true",
            ["build_metadata.AdditionalFiles.ClientNmae"] = "InventoryClient",
        };
        var options = new TestAnalyzerConfigOptionsProvider(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { [DocumentPath] = metadata },
            new Dictionary<string, string>());
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: [new OpenApiGenerator().AsSourceGenerator()],
            additionalTexts: [new InMemoryAdditionalText(DocumentPath, Document)],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: options);

        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("namespace Placeholder { }"), TestContext.Current.CancellationToken);

        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
    }

    [Fact]
    public void InvalidAccessibility_StillGeneratesPublicTypes()
    {
        var output = GeneratorHarness.Run(Item(new() { ["TypeAccessibility"] = "private" }));

        var client = output.Compilation.GetTypeByMetadataName("Contoso.Api.ContosoClient");
        Assert.NotNull(client);
        Assert.Equal(Accessibility.Public, client.DeclaredAccessibility);
    }

    [Theory]
    [InlineData("InventoryJson", "Contoso.Api.InventoryJson")]
    [InlineData("inventory-json-context", "Contoso.Api.InventoryJsonContext")]
    public void SerializerContextName_NamesContext(string value, string expected)
    {
        var output = GeneratorHarness.Run(Item(new() { ["SerializerContextName"] = value }));

        Assert.Empty(output.AllDiagnostics);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName(expected));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Contoso.Api.ContosoClientJsonSerializerContext"));
    }

    private static OpenApiDocumentItem Item(Dictionary<string, string> metadata) =>
        new(DocumentPath, Document, Metadata: metadata);
}
