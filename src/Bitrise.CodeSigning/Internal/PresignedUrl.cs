using System;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// A presigned storage URL, kept exactly as the API returned it, with the parts that are safe to log or put in a
/// message. The query string contains the signature and grants access to the file, so only <see cref="Host"/>,
/// <see cref="Path"/> and <see cref="RedactedUrl"/> leave this type.
/// </summary>
internal sealed class PresignedUrl
{
    private PresignedUrl(Uri uri, string redactedUrl, string path)
    {
        Uri = uri;
        RedactedUrl = redactedUrl;
        Path = path;
    }

    /// <summary>The URL to send. Its path and query are sent exactly as received: escapes such as <c>%2F</c> stay.</summary>
    public Uri Uri { get; }

    /// <summary>The host, with the port when the URL names one.</summary>
    public string Host => Uri.IsDefaultPort ? Uri.Host : $"{Uri.Host}:{Uri.Port}";

    /// <summary>The path as received, without the query string.</summary>
    public string Path { get; }

    /// <summary>The scheme, host, port and path, without the query string.</summary>
    public string RedactedUrl { get; }

    /// <summary>Parses a presigned URL that an API response field returned.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="field">The JSON field that held it, for the message, for example <c>upload_url</c>.</param>
    /// <exception cref="CodeSigningStorageException">The value is not an absolute http or https URL.</exception>
    public static PresignedUrl Parse(string url, string field)
    {
        var redacted = RemoveQuery(url);

        // Canonicalization would unescape %7E and may rewrite other escapes, and the storage would then compute a
        // different signature than the one in the URL.
        var options = new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true };
        if (!Uri.TryCreate(url, in options, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CodeSigningStorageException(
                CodeSigningStorageFailure.RequestFailed,
                $"The API returned a {field} that is not an absolute http or https URL: '{redacted}'. Report this to the API's operator.");
        }

        var authorityEnd = redacted.IndexOf('/', uri.Scheme.Length + "://".Length);
        var path = authorityEnd < 0 ? "/" : redacted[authorityEnd..];
        return new PresignedUrl(uri, redacted, path);
    }

    private static string RemoveQuery(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url[..end];
    }
}
