using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Adds the sources of all documents, grouped by namespace: the shared types once per namespace, then each
/// document's models, client, interface, exception and serializer context.
/// </summary>
internal static class OpenApiEmitter
{
    public static void Emit(SourceProductionContext context, ImmutableArray<OpenApiDocumentModel> documents)
    {
        var byNamespace = documents
            .Where(document => document.Diagnostics.All(diagnostic => DiagnosticDescriptors.Get(diagnostic.Id).DefaultSeverity != DiagnosticSeverity.Error))
            .GroupBy(document => document.Namespace, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in byNamespace)
        {
            var ordered = group.OrderBy(document => document.FilePath, StringComparer.Ordinal).ToList();
            var document = ordered[0];
            foreach (var conflicting in ordered.Skip(1))
            {
                var location = Location.Create(conflicting.FilePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NamespaceConflict, location, conflicting.FilePath, group.Key, document.FilePath));
            }

            context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                EmitDocument(context, document);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug in an emitter must not become CS8785, which hides the document that caused it.
                var location = Location.Create(document.FilePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, location, document.FilePath, exception.GetType().Name, MessageText.AsClause(exception.Message)));
            }
        }
    }

    private static void EmitDocument(SourceProductionContext context, OpenApiDocumentModel document)
    {
        var emit = new EmitContext(document);
        Add(context, document.Namespace, "Optional", SupportEmitter.EmitOptional(document.Namespace, emit.Accessibility));
        Add(context, document.Namespace, "OpenApiJson", SupportEmitter.EmitJsonHelpers(document.Namespace));
        Add(context, document.Namespace, document.ExceptionName, ExceptionEmitter.Emit(emit));
        Add(context, document.Namespace, document.SerializerContextName, SerializerContextEmitter.Emit(emit));
        Add(context, document.Namespace, document.InterfaceName, ClientEmitter.EmitInterface(emit));
        Add(context, document.Namespace, document.ClientName, ClientEmitter.EmitClient(emit));
        foreach (var schema in document.Schemas)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Add(context, document.Namespace, schema.TypeName, ModelEmitter.Emit(emit, schema));
        }
    }

    private static void Add(SourceProductionContext context, string @namespace, string typeName, string source) =>
        context.AddSource(@namespace + "." + typeName + ".g.cs", SourceText.From(source, Encoding.UTF8));
}
