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
            // Every source is built before the first is added, so a failure leaves no part of the document behind
            // to fail the build with compiler errors beside OASG010.
            var sources = new List<(string TypeName, string Source)>();
            if (plan.SharedTypesOwner == document.FilePath)
            {
                sources.Add(("Optional", SupportEmitter.EmitOptional(document.Namespace, EmitContext.Keyword(plan.SharedTypesAccessibility))));
                sources.Add(("OpenApiJson", SupportEmitter.EmitJsonHelpers(document.Namespace, hasDateOnly)));
            }

            sources.AddRange(EmitDocument(context, hasDateOnly ? document : DateFallback.ToStrings(document), hasDateOnly));

            // The parser gives every type its own name, so a repeated name is a generator bug, reported as OASG010.
            var repeated = sources.GroupBy(source => source.TypeName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
            if (repeated is not null)
            {
                throw new InvalidOperationException("Two generated types are named '" + repeated.Key + "', ignoring case");
            }

            foreach (var (typeName, source) in sources)
            {
                context.AddSource(document.Namespace + "." + typeName + ".g.cs", SourceText.From(source, Encoding.UTF8));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in an emitter must not become CS8785, which hides the document that caused it.
            var location = Location.Create(document.FilePath, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, location, document.FilePath, exception.GetType().Name, MessageText.AsClause(exception.Message)));
        }
    }

    private static List<(string TypeName, string Source)> EmitDocument(SourceProductionContext context, OpenApiDocumentModel document, bool hasDateOnly)
    {
        var emit = new EmitContext(document, hasDateOnly);
        var sources = new List<(string TypeName, string Source)>
        {
            (document.ExceptionName, ExceptionEmitter.Emit(emit)),
            (document.SerializerContextName, SerializerContextEmitter.Emit(emit)),
            (document.InterfaceName, ClientEmitter.EmitInterface(emit)),
            (document.ClientName, ClientEmitter.EmitClient(emit)),
        };
        foreach (var operation in document.Operations.Where(operation => operation.ResultType is not null))
        {
            sources.Add((operation.ResultType!.TypeName, ResultEmitter.Emit(emit, operation)));
        }

        foreach (var schema in document.Schemas)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            sources.Add((schema.TypeName, ModelEmitter.Emit(emit, schema)));
        }

        return sources;
    }

    /// <summary>
    /// Which documents of one namespace generate. Documents are taken in path order, and one whose type names
    /// meet those of an earlier generating document is left out, so each document's emitter decides alike. Names
    /// that differ only in case meet too, because the generated file names must differ in more than case.
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
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
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
