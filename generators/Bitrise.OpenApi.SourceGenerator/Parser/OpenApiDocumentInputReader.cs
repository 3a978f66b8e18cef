using System;
using System.Threading;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Selects the <c>AdditionalFiles</c> items marked <c>OpenApi="true"</c> and reads their metadata.</summary>
internal static class OpenApiDocumentInputReader
{
    private const string DefaultClientName = "ApiClient";

    /// <summary>Returns the input for an opted-in file, or null for every other file (whose text is not read).</summary>
    public static OpenApiDocumentInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var options = optionsProvider.GetOptions(file);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.OpenApi", out var optIn) || !optIn.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var @namespace = NonEmpty(options, "build_metadata.AdditionalFiles.Namespace")
            ?? NonEmpty(optionsProvider.GlobalOptions, "build_property.RootNamespace")
            ?? "OpenApi";
        var clientName = NonEmpty(options, "build_metadata.AdditionalFiles.ClientName") ?? DefaultClientName;
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new OpenApiDocumentInput(file.Path, text, Naming.ToNamespace(@namespace), Naming.ToTypeName(clientName))
        {
            Accessibility = ReadAccessibility(options),
        };
    }

    // NOTE: a value other than public or internal falls back to public without a diagnostic for now.
    private static TypeAccessibility ReadAccessibility(AnalyzerConfigOptions options) =>
        NonEmpty(options, "build_metadata.AdditionalFiles.TypeAccessibility") is { } value && value.Equals("internal", StringComparison.OrdinalIgnoreCase)
            ? TypeAccessibility.Internal
            : TypeAccessibility.Public;

    private static string? NonEmpty(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
