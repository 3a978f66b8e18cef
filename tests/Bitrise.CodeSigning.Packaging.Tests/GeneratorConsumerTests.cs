using System;
using System.Linq;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Packaging.Tests.Infrastructure;

namespace Bitrise.CodeSigning.Packaging.Tests;

/// <summary>
/// A console app that takes only the generator package, generates a client from its own OpenAPI document and
/// calls it, then changes the document and checks that the next build generates the changed API.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class GeneratorConsumerTests(PackedPackages packages)
{
    private const string DocumentPath = "api/inventory.yaml";

    private const string FirstDocument = """
        openapi: 3.0.3
        info:
          title: Inventory
          version: "1.0"
        paths:
          /items/{item-id}:
            get:
              operationId: item-show
              parameters:
                - name: item-id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                "200":
                  description: The item.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Item"
        components:
          schemas:
            Item:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                name:
                  type: string
        """;

    /// <summary>The first document with the operation renamed and a property added to the model, which ends the document.</summary>
    private static readonly string ChangedDocument = FirstDocument
        .Replace("operationId: item-show", "operationId: item-get", StringComparison.Ordinal)
        + """

                quantity:
                  type: integer
        """;

    /// <summary>
    /// An <c>HttpMessageHandler</c> that returns responses from memory, so the generated client sends nothing over a
    /// network. It returns the item only for the path that the generated method should build, and 404 otherwise.
    /// </summary>
    private const string StubHandler = """
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        internal sealed class StubHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = request.RequestUri!.AbsolutePath == "/items/42"
                    ? new HttpResponseMessage(HttpStatusCode.OK)
                    {
                        Content = new StringContent("{\"id\":\"42\",\"name\":\"widget\",\"quantity\":7}", Encoding.UTF8, "application/json"),
                    }
                    : new HttpResponseMessage(HttpStatusCode.NotFound);
                return Task.FromResult(response);
            }
        }
        """;

    private const string FirstProgram = """
        using System;
        using System.Net.Http;
        using Contoso.Inventory;

        var client = new InventoryClient(new HttpClient(new StubHandler()) { BaseAddress = new Uri("http://127.0.0.1/") });
        Item item = await client.ItemShowAsync("42");
        Console.WriteLine($"item {item.Id} {item.Name}");
        """;

    private const string ChangedProgram = """
        using System;
        using System.Net.Http;
        using Contoso.Inventory;

        var client = new InventoryClient(new HttpClient(new StubHandler()) { BaseAddress = new Uri("http://127.0.0.1/") });
        Item item = await client.ItemGetAsync("42");
        Console.WriteLine($"item {item.Id} {item.Name} {item.Quantity}");
        """;

    [Fact]
    public async Task GeneratorPackage_RegeneratesClientAfterDocumentChange()
    {
        var consumer = ConsumerProject.Create(packages, "generator-consumer");
        consumer.WriteFile("GeneratorConsumer.csproj", ProjectFile("ClientName=\"InventoryClient\"", treatWarningsAsErrors: true));
        consumer.WriteFile("StubHandler.cs", StubHandler);
        consumer.WriteFile(DocumentPath, FirstDocument);
        consumer.WriteFile("Program.cs", FirstProgram);

        var firstBuild = await consumer.BuildAsync();
        AssertGeneratorLoaded(firstBuild);
        Assert.True(firstBuild.ExitCode == 0, firstBuild.Describe());
        var firstRun = await consumer.RunAsync();
        Assert.True(firstRun.ExitCode == 0, firstRun.Describe());
        Assert.Contains("item 42 widget", firstRun.Output);

        // Only the document changes: the old method name must be gone from the next build's client.
        consumer.WriteFile(DocumentPath, ChangedDocument);
        var staleBuild = await consumer.BuildAsync(restore: false);
        AssertGeneratorLoaded(staleBuild);
        Assert.True(staleBuild.ExitCode != 0, "The build succeeded although the document no longer has the operation 'item-show'. " + staleBuild.Describe());
        Assert.Contains("ItemShowAsync", staleBuild.Output);

        consumer.WriteFile("Program.cs", ChangedProgram);
        var changedBuild = await consumer.BuildAsync(restore: false);
        AssertGeneratorLoaded(changedBuild);
        Assert.True(changedBuild.ExitCode == 0, changedBuild.Describe());
        var changedRun = await consumer.RunAsync();
        Assert.True(changedRun.ExitCode == 0, changedRun.Describe());
        Assert.Contains("item 42 widget 7", changedRun.Output);
    }

    [Fact]
    public async Task GeneratorPackage_ReportsMisspeltOptionAndInvalidValue()
    {
        var consumer = ConsumerProject.Create(packages, "generator-options");
        consumer.WriteFile("GeneratorOptions.csproj", ProjectFile("ClientNmae=\"InventoryClient\" TypeAccessibility=\"private\"", treatWarningsAsErrors: false));
        consumer.WriteFile(DocumentPath, FirstDocument);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine(typeof(Contoso.Inventory.ApiClient).Name);");

        var build = await consumer.BuildAsync();

        AssertGeneratorLoaded(build);
        Assert.True(build.ExitCode != 0, "The build succeeded although TypeAccessibility has an invalid value. " + build.Describe());
        Assert.Contains("warning OASG050", build.Output);
        Assert.Contains("'ClientNmae'", build.Output);
        Assert.Contains("error OASG051", build.Output);
        Assert.Contains("TypeAccessibility=\"private\"", build.Output);
        Assert.Contains("inventory.yaml", build.Output);
    }

    [Fact]
    public async Task GeneratorPackage_WarnsAboutDocumentListedTwice()
    {
        var consumer = ConsumerProject.Create(packages, "generator-duplicate-item");
        var secondItem = $"""<AdditionalFiles Include="{DocumentPath}" OpenApi="true" Namespace="Contoso.Other" ClientName="InventoryClient" />""";
        consumer.WriteFile("DuplicateItem.csproj", ProjectFile("ClientName=\"InventoryClient\"", treatWarningsAsErrors: false, secondItem));
        consumer.WriteFile(DocumentPath, FirstDocument);
        consumer.WriteFile("Program.cs", "System.Console.WriteLine(\"built\");");

        var build = await consumer.BuildAsync();

        AssertGeneratorLoaded(build);
        Assert.True(build.ExitCode == 0, build.Describe());
        Assert.Contains("warning OASG054", build.Output);

        // MSBuild repeats each warning in its summary, so the first line is the one to check.
        var warning = build.Output.Split('\n').First(line => line.Contains("warning OASG054", StringComparison.Ordinal));
        Assert.Contains("inventory.yaml", warning);
        Assert.Contains("Namespace=\"Contoso.Inventory\"", warning);
        Assert.Contains("Namespace=\"Contoso.Other\"", warning);
    }

    /// <summary>
    /// Returns a console project that references the generator package and marks the document with the given further
    /// metadata, followed by <paramref name="otherItems"/>.
    /// </summary>
    private string ProjectFile(string metadata, bool treatWarningsAsErrors, string otherItems = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>{(treatWarningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{PackedPackages.GeneratorId}" Version="{packages.Version}" PrivateAssets="all" />
            <AdditionalFiles Include="{DocumentPath}" OpenApi="true" Namespace="Contoso.Inventory" {metadata} />
            {otherItems}
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// Checks that the compiler ran the generator: CS8785 means that it threw, CS9057 that it was built for a
    /// newer compiler than the SDK's.
    /// </summary>
    private static void AssertGeneratorLoaded(ProcessResult build)
    {
        Assert.False(build.Output.Contains("CS8785"), "The generator failed in the compiler (CS8785). " + build.Describe());
        Assert.False(build.Output.Contains("CS9057"), "The generator references a newer compiler than the SDK's (CS9057). " + build.Describe());
    }
}
