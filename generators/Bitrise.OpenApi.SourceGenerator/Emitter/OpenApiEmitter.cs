using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>
/// Adds the sources of one document: its models, client, interface, exception and serializer context, and the
/// namespace's shared types when it is the first document of its namespace.
/// </summary>
internal static class OpenApiEmitter
{
    /// <summary>Returns whether the document has an error, which means that it generates no code.</summary>
    public static bool HasErrors(OpenApiDocumentModel document) =>
        document.Diagnostics.Any(diagnostic => DiagnosticDescriptors.Get(diagnostic.Id).DefaultSeverity == DiagnosticSeverity.Error);

    /// <param name="input">
    /// The document, the types of every document without errors in its namespace, sorted by path, and whether the
    /// consumer's compilation has <c>System.DateOnly</c>.
    /// </param>
    public static void Emit(SourceProductionContext context, (OpenApiDocumentModel Document, EquatableArray<DocumentTypes> NamespaceDocuments, bool HasDateOnly) input)
    {
        var (document, namespaceDocuments, hasDateOnly) = input;
        if (HasErrors(document))
        {
            return;
        }

        var plan = NamespacePlan.For(namespaceDocuments);
        if (plan.Conflicts.TryGetValue(document.FilePath, out var conflict))
        {
            var arguments = new[] { document.FilePath, document.Namespace, conflict.FilePath, conflict.TypeName }.ToEquatableArray();
            DiagnosticReporter.Report(context, new DiagnosticInfo(DiagnosticDescriptors.NamespaceConflict.Id, new LocationInfo(document.FilePath, 0, 0, 0, 0, 0, 0), arguments));
            return;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (plan.SharedTypesOwner == document.FilePath)
            {
                Add(context, document.Namespace, "Optional", SupportEmitter.EmitOptional(document.Namespace, EmitContext.Keyword(plan.SharedTypesAccessibility)));
                Add(context, document.Namespace, "OpenApiJson", SupportEmitter.EmitJsonHelpers(document.Namespace, hasDateOnly));
            }

            EmitDocument(context, hasDateOnly ? document : DateFallback.ToStrings(document), hasDateOnly);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in an emitter must not become CS8785, which hides the document that caused it.
            var location = Location.Create(document.FilePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, location, document.FilePath, exception.GetType().Name, MessageText.AsClause(exception.Message)));
        }
    }

    private static void EmitDocument(SourceProductionContext context, OpenApiDocumentModel document, bool hasDateOnly)
    {
        var emit = new EmitContext(document, hasDateOnly);
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

    /// <summary>
    /// Which documents of one namespace generate. Documents are taken in path order, and one whose type names
    /// meet those of an earlier generating document is left out, so each document's emitter decides alike.
    /// </summary>
    private sealed class NamespacePlan
    {
        private NamespacePlan(string? sharedTypesOwner, TypeAccessibility sharedTypesAccessibility, Dictionary<string, (string FilePath, string TypeName)> conflicts)
        {
            SharedTypesOwner = sharedTypesOwner;
            SharedTypesAccessibility = sharedTypesAccessibility;
            Conflicts = conflicts;
        }

        /// <summary>The path of the first generating document, which emits <c>Optional&lt;T&gt;</c> and the JSON helpers.</summary>
        public string? SharedTypesOwner { get; }

        /// <summary>Public when any generating document of the namespace is public, because its models expose <c>Optional&lt;T&gt;</c>.</summary>
        public TypeAccessibility SharedTypesAccessibility { get; }

        /// <summary>For each left-out document, the earlier document and the type name that both generate.</summary>
        public Dictionary<string, (string FilePath, string TypeName)> Conflicts { get; }

        public static NamespacePlan For(EquatableArray<DocumentTypes> namespaceDocuments)
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            var conflicts = new Dictionary<string, (string FilePath, string TypeName)>(StringComparer.Ordinal);
            string? sharedTypesOwner = null;
            var accessibility = TypeAccessibility.Internal;
            foreach (var document in namespaceDocuments)
            {
                var clash = document.TypeNames.FirstOrDefault(owners.ContainsKey);
                if (clash is not null)
                {
                    conflicts[document.FilePath] = (owners[clash], clash);
                    continue;
                }

                foreach (var typeName in document.TypeNames)
                {
                    owners[typeName] = document.FilePath;
                }

                sharedTypesOwner ??= document.FilePath;
                if (document.Accessibility == TypeAccessibility.Public)
                {
                    accessibility = TypeAccessibility.Public;
                }
            }

            return new NamespacePlan(sharedTypesOwner, accessibility, conflicts);
        }
    }
}
