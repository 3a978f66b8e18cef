using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Emitter;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
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
    /// <summary>The tracked step that reads each opted-in document with its item metadata.</summary>
    internal const string InputStepName = "OpenApiDocumentInput";

    /// <summary>The tracked step that collects every additional file that a <c>$ref</c> could point at.</summary>
    internal const string AdditionalFilesStepName = "OpenApiAdditionalFiles";

    /// <summary>The tracked step that adds to each document the files that its external references reach.</summary>
    internal const string ReferencesStepName = "OpenApiDocumentReferences";

    /// <summary>The name of the tracked step that parses a document into its model; tests assert on its run reasons.</summary>
    internal const string ParseStepName = "OpenApiDocumentModel";

    /// <summary>The tracked step that looks up whether the consumer's compilation has <c>System.DateOnly</c>.</summary>
    internal const string DateOnlyStepName = "OpenApiDateOnlySupport";

    /// <summary>The tracked step that pairs each model with the type names of the documents of its namespace, just before emitting.</summary>
    internal const string EmitStepName = "OpenApiDocumentEmit";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // A host that binds NSwag's dependencies to other versions gets the copy that runs isolated with its own.
        if (DependencyResolver.CreateIsolatedGenerator() is { } isolated)
        {
            isolated.Initialize(context);
            return;
        }

        var items = context.AdditionalTextsProvider.Combine(context.AnalyzerConfigOptionsProvider);

        var documents = items
            .Select(static (pair, cancellationToken) => OpenApiDocumentInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(InputStepName);

        var additionalFiles = context.AdditionalTextsProvider
            .Select(static (file, cancellationToken) => new ReferencedText(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .WithTrackingName(AdditionalFilesStepName);

        var models = documents
            .Combine(additionalFiles)
            .Select(static (pair, cancellationToken) => ReferencedTextSelector.AddReferences(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(ReferencesStepName)
            .Select(static (input, cancellationToken) => OpenApiParser.Parse(input, cancellationToken))
            .WithTrackingName(ParseStepName);

        var allDocumentTypes = models
            .Where(static model => !OpenApiEmitter.HasErrors(model))
            .Select(static (model, _) => DocumentTypes.From(model))
            .Collect()
            .Select(static (types, _) => types.ToSortedEquatableArray(document => document.FilePath));

        // Only this bool reaches the emit step, so an edit to C# code re-runs this lookup and nothing after it.
        var hasDateOnly = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.DateOnly") is not null)
            .WithTrackingName(DateOnlyStepName);

        var emitInputs = models
            .Combine(allDocumentTypes)
            .Combine(hasDateOnly)
            .Select(static (pair, _) => (pair.Left.Left, pair.Left.Right.Where(types => types.Namespace == pair.Left.Left.Namespace).ToEquatableArray(), pair.Right))
            .WithTrackingName(EmitStepName);

        context.RegisterSourceOutput(emitInputs, OpenApiEmitter.Emit);
        context.RegisterSourceOutput(items.Select(static (pair, _) => OpenApiDocumentInputReader.ReadOptInDiagnostics(pair.Left, pair.Right)), DiagnosticReporter.Report);
        context.RegisterSourceOutput(documents.Select(static (input, _) => input.OptionDiagnostics), DiagnosticReporter.Report);
        context.RegisterSourceOutput(models.Select(static (model, _) => model.Diagnostics), DiagnosticReporter.Report);
    }
}
