using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>Turns the equatable diagnostics of a document model into Roslyn diagnostics located in the document.</summary>
internal static class DiagnosticReporter
{
    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location;
            var location = Location.Create(
                span.FilePath,
                new TextSpan(span.Start, span.Length),
                new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
            var arguments = new object[diagnostic.MessageArguments.Count];
            for (var index = 0; index < arguments.Length; index++)
            {
                arguments[index] = diagnostic.MessageArguments[index];
            }

            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(diagnostic.Id), location, arguments));
        }
    }
}
