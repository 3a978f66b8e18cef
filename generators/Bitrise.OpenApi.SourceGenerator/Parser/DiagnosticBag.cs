using System.Collections.Generic;
using System.Linq;
using Bitrise.OpenApi.SourceGenerator.Helpers;
using Bitrise.OpenApi.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Parser;

/// <summary>Collects the diagnostics of one document with their locations in its text.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();

    public DiagnosticBag(TextLocator locator)
    {
        Locator = locator;
    }

    public TextLocator Locator { get; }

    public void Add(DiagnosticDescriptor descriptor, LocationInfo location, params string[] messageArguments)
    {
        var diagnostic = new DiagnosticInfo(descriptor.Id, location, messageArguments.ToEquatableArray());
        if (_seen.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Adds a diagnostic located at the key that a JSON pointer names.</summary>
    public void AddAtPointer(DiagnosticDescriptor descriptor, string pointer, params string[] messageArguments) =>
        Add(descriptor, Locator.AtPointer(pointer), messageArguments);

    /// <summary>Returns the diagnostics in document order, then by id, so the output does not depend on mapping order.</summary>
    public EquatableArray<DiagnosticInfo> ToEquatableArray() =>
        _diagnostics
            .OrderBy(diagnostic => diagnostic.Location.Start)
            .ThenBy(diagnostic => diagnostic.Id, System.StringComparer.Ordinal)
            .ThenBy(diagnostic => string.Join("\u0000", diagnostic.MessageArguments), System.StringComparer.Ordinal)
            .ToEquatableArray();
}
