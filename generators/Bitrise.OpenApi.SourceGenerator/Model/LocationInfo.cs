namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// A span in a document, with zero-based lines and columns as Roslyn expects them, and the JSON pointer of the
/// node it marks in that file (<c>#</c>, the default, for the whole document).
/// </summary>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    string Pointer = "#");
