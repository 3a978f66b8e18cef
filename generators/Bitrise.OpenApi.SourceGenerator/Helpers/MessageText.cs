using System.Text.RegularExpressions;

namespace Bitrise.OpenApi.SourceGenerator.Helpers;

/// <summary>Prepares text from exceptions for use inside a diagnostic message.</summary>
internal static class MessageText
{
    /// <summary>The path and position that Json.NET appends: <c> Path 'paths['/a']', line 6, position 2.</c></summary>
    private static readonly Regex JsonPosition = new("\\s*(Path '.*?')?(,? line \\d+, position \\d+)?\\.?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Removes the final period and surrounding white space of a message such as "Could not resolve the path
    /// '#/components/schemas/Pet'.", because the diagnostic's own text follows it with a period.
    /// </summary>
    public static string AsClause(string message) => message.Trim().TrimEnd('.').TrimEnd();

    /// <summary>
    /// Returns the first line of a Json.NET message without the path and position it appends, which the
    /// diagnostic gives as a JSON pointer and a location of the document.
    /// </summary>
    public static string FromJsonException(string message)
    {
        var firstLine = message.Trim();
        var lineEnd = firstLine.IndexOf('\n');
        if (lineEnd >= 0)
        {
            firstLine = firstLine.Substring(0, lineEnd);
        }

        return AsClause(JsonPosition.Replace(firstLine.TrimEnd('\r'), string.Empty));
    }
}
