using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Selects the <c>AdditionalFiles</c> items marked <c>OpenApi="true"</c> and reads their metadata.</summary>
internal static class OpenApiDocumentInputReader
{
    /// <summary>
    /// The hidden metadata that <c>build/Bitrise.OpenApi.SourceGenerator.targets</c> sets on each document item:
    /// the names of all its custom metadata, separated by commas. The compiler passes on only the names that are
    /// declared as <c>CompilerVisibleItemMetadata</c>, so without this list a misspelt option would be invisible.
    /// </summary>
    public const string MetadataNamesKey = "OpenApiMetadataNames";

    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    private const string DefaultClientName = "ApiClient";

    /// <summary>The item metadata names that the generator reads, in the order the documentation lists them.</summary>
    private static readonly string[] OptionNames = ["OpenApi", "Namespace", "ClientName", "TypeAccessibility", "SerializerContextName"];

    private static readonly string[] OptInValues = ["true", "false"];

    private static readonly string[] AccessibilityValues = ["public", "internal"];

    /// <summary>
    /// Metadata that MSBuild, the .NET SDK, NuGet pack and IDEs put on items for their own use. An item may carry
    /// them without meaning them for the generator, so they are not reported.
    /// </summary>
    private static readonly HashSet<string> ToolMetadataNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Link", "Visible", "CopyToOutputDirectory", "CopyToPublishDirectory", "DependentUpon", "SubType", "AutoGen",
        "DesignTime", "DesignTimeSharedInput", "Generator", "LastGenOutput", "CustomToolNamespace", "Pack", "PackagePath",
        "PackageCopyToOutput", "PackageFlatten", "BuildAction", "TargetPath", "ExcludeFromSingleFile", "IsImplicitlyDefined",
        "InProject", "Private", "WithCulture", "Culture", "LogicalName", "ManifestResourceName",
    };

    /// <summary>Returns the input for an opted-in file, or null for every other file (whose text is not read).</summary>
    public static OpenApiDocumentInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, CancellationToken cancellationToken)
    {
        var options = optionsProvider.GetOptions(file);
        if (!(NonEmpty(options, "OpenApi") is { } optIn && optIn.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        ReportUnknownNames(file.Path, options, diagnostics);

        var @namespace = NonEmpty(options, "Namespace")
            ?? (optionsProvider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace) && !string.IsNullOrWhiteSpace(rootNamespace) ? rootNamespace.Trim() : null)
            ?? "OpenApi";
        var clientName = NonEmpty(options, "ClientName") ?? DefaultClientName;
        var serializerContextName = NonEmpty(options, "SerializerContextName");
        var documentOptions = new DocumentOptions(
            ReadAccessibility(file.Path, options, diagnostics),
            serializerContextName is null ? null : Naming.ToTypeName(serializerContextName));

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new OpenApiDocumentInput(file.Path, text, Naming.ToNamespace(@namespace), Naming.ToTypeName(clientName))
        {
            Options = documentOptions,
            OptionDiagnostics = diagnostics.ToEquatableArray(),
        };
    }

    /// <summary>
    /// Returns OASG051 for an item whose <c>OpenApi</c> metadata is neither <c>true</c> nor <c>false</c>, such as
    /// <c>yes</c>, because such an item is not read as a document and would otherwise be left out silently.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> ReadOptInDiagnostics(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider)
    {
        var value = NonEmpty(optionsProvider.GetOptions(file), "OpenApi");
        if (value is null || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        return new[] { AtStart(DiagnosticDescriptors.InvalidOptionValue, file.Path, "OpenApi", value, Choices(OptInValues)) }.ToEquatableArray();
    }

    private static TypeAccessibility ReadAccessibility(string filePath, AnalyzerConfigOptions options, List<DiagnosticInfo> diagnostics)
    {
        var value = NonEmpty(options, "TypeAccessibility");
        if (value is null || value.Equals("public", StringComparison.OrdinalIgnoreCase))
        {
            return TypeAccessibility.Public;
        }

        if (value.Equals("internal", StringComparison.OrdinalIgnoreCase))
        {
            return TypeAccessibility.Internal;
        }

        // The document still generates, with the default, so that the build shows this error and not a cascade of missing types.
        diagnostics.Add(AtStart(DiagnosticDescriptors.InvalidOptionValue, filePath, "TypeAccessibility", value, Choices(AccessibilityValues)));
        return TypeAccessibility.Public;
    }

    /// <summary>
    /// Reports each metadata name that is neither an option nor a tool's own. Without the hidden list (a project
    /// that imports only the props file) there is nothing to compare, so nothing is reported.
    /// </summary>
    private static void ReportUnknownNames(string filePath, AnalyzerConfigOptions options, List<DiagnosticInfo> diagnostics)
    {
        if (NonEmpty(options, MetadataNamesKey) is not { } names)
        {
            return;
        }

        var unknown = names.Split(',')
            .Select(name => name.Trim())
            .Where(name => name.Length > 0 && !name.Equals(MetadataNamesKey, StringComparison.OrdinalIgnoreCase))
            .Where(name => !OptionNames.Contains(name, StringComparer.OrdinalIgnoreCase) && !ToolMetadataNames.Contains(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(name => name, StringComparer.Ordinal);
        foreach (var name in unknown)
        {
            diagnostics.Add(AtStart(DiagnosticDescriptors.UnknownOption, filePath, name, Choices(OptionNames)));
        }
    }

    /// <summary>Returns a diagnostic at the start of the document, because item metadata has no place in its text.</summary>
    private static DiagnosticInfo AtStart(DiagnosticDescriptor descriptor, string filePath, params string[] messageArguments) =>
        new(descriptor.Id, new LocationInfo(filePath, 0, 0, 0, 0, 0, 0), messageArguments.ToEquatableArray());

    private static string Choices(string[] values) =>
        string.Join(", ", values.Take(values.Length - 1)) + " or " + values[values.Length - 1];

    private static string? NonEmpty(AnalyzerConfigOptions options, string metadataName) =>
        options.TryGetValue(MetadataPrefix + metadataName, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
