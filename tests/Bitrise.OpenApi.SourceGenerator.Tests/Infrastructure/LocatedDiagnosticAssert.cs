using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Tests.Infrastructure;

/// <summary>Checks where a generator diagnostic points: its file, zero-based line and column, and the message's JSON pointer.</summary>
internal static class LocatedDiagnosticAssert
{
    public static void At(Diagnostic diagnostic, string path, int line, int column, string pointer)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Equal(column, span.StartLinePosition.Character);
        var expectedStart = string.Create(CultureInfo.InvariantCulture, $"'{path}' line {line + 1}, column {column + 1}, at '{pointer}': ");
        Assert.StartsWith(expectedStart, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
