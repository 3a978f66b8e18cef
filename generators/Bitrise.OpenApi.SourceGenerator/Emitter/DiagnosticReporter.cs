using System.Globalization;
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
            Report(context, diagnostic);
        }
    }

    /// <summary>
    /// Reports one diagnostic. Every descriptor's message starts with the location as argument 0, so a
    /// diagnostic must be reported here and not with <c>Diagnostic.Create</c> directly.
    /// </summary>
    public static void Report(SourceProductionContext context, DiagnosticInfo diagnostic)
    {
        var span = diagnostic.Location;
        var location = Location.Create(
            span.FilePath,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        var arguments = new object[diagnostic.MessageArguments.Count + 1];
        arguments[0] = Describe(span);
        for (var index = 1; index < arguments.Length; index++)
        {
            arguments[index] = diagnostic.MessageArguments[index - 1];
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(diagnostic.Id), location, arguments));
    }

    /// <summary>
    /// Returns the start of every message: file, one-based line and column, and JSON pointer, such as
    /// <c>'api.yaml' line 12, column 7, at '#/paths/~1pets/get'</c>. A build log shows the location too, but an
    /// IDE tooltip or a copied message does not.
    /// </summary>
    public static string Describe(LocationInfo location) =>
        "'" + location.FilePath + "' line " + (location.StartLine + 1).ToString(CultureInfo.InvariantCulture)
        + ", column " + (location.StartColumn + 1).ToString(CultureInfo.InvariantCulture)
        + ", at '" + location.Pointer + "'";
}
