namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A span in a document, with zero-based lines and columns as Roslyn expects them.</summary>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
