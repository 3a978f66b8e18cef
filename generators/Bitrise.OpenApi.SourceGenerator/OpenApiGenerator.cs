using Bitrise.OpenApi.SourceGenerator.Emitter;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Parser;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator;

/// <summary>
/// Generates models, a client, its interface, an exception type and a reflection-free JSON resolver from each
/// OpenAPI document given as <c>&lt;AdditionalFiles Include="api.yaml" OpenApi="true" /&gt;</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    /// <summary>The name of the tracked step that parses a document into its model; tests assert on its run reasons.</summary>
    internal const string ParseStepName = "OpenApiDocumentModel";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // A host that binds NSwag's dependencies to other versions gets the copy that runs isolated with its own.
        if (DependencyResolver.CreateIsolatedGenerator() is { } isolated)
        {
            isolated.Initialize(context);
            return;
        }

        var documents = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => OpenApiDocumentInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .WithTrackingName("OpenApiDocumentInput");

        var models = documents
            .Select(static (input, cancellationToken) => OpenApiParser.Parse(input!, cancellationToken))
            .WithTrackingName(ParseStepName);

        context.RegisterSourceOutput(models.Collect(), OpenApiEmitter.Emit);
        context.RegisterSourceOutput(documents.Select(static (input, _) => input!.OptionDiagnostics), DiagnosticReporter.Report);
        context.RegisterSourceOutput(models.Select(static (model, _) => model.Diagnostics), DiagnosticReporter.Report);
    }
}
