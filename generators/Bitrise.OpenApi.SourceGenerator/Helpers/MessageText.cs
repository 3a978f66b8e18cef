namespace Bitrise.OpenApi.SourceGenerator.Helpers;

/// <summary>Prepares text from exceptions for use inside a diagnostic message.</summary>
internal static class MessageText
{
    /// <summary>
    /// Removes the final period and surrounding white space of a message such as "Could not resolve the path
    /// '#/components/schemas/Pet'.", because the diagnostic's own text follows it with a period.
    /// </summary>
    public static string AsClause(string message) => message.Trim().TrimEnd('.').TrimEnd();
}
