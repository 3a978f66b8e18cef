using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Turns a storage response outside 2xx into a <see cref="CodeSigningStorageException"/>.</summary>
internal static partial class StorageErrors
{
    // An S3 error document is a few hundred bytes; reading more gains nothing and costs memory.
    private const int MaxErrorBodyChars = 16 * 1024;

    // Keep the message readable however long the storage's elements are.
    private const int MaxErrorCodeChars = 100;
    private const int MaxServiceMessageChars = 512;
    private const int MaxExcerptChars = 200;


    /// <summary>
    /// Creates the exception for <paramref name="response"/>, with the <c>Code</c> and <c>Message</c> of an S3-style
    /// XML error body. Only those two elements are kept: the rest of such a body (for example
    /// <c>CanonicalRequest</c>) can repeat the presigned query string.
    /// </summary>
    public static async Task<CodeSigningStorageException> CreateAsync(HttpMethod method, PresignedUrl url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadStartAsync(response, cancellationToken).ConfigureAwait(false);
        var (errorCode, serviceMessage) = ParseErrorDocument(body);
        errorCode = Shorten(errorCode, MaxErrorCodeChars);
        serviceMessage = Shorten(serviceMessage is null ? null : RedactQueries(serviceMessage), MaxServiceMessageChars);

        var status = (int)response.StatusCode;
        var message = new StringBuilder()
            .Append($"{method.Method} {url.RedactedUrl} failed with {status} ({response.StatusCode})");
        if (errorCode is not null)
        {
            message.Append(": ").Append(errorCode);
        }

        if (serviceMessage is not null)
        {
            message.Append(": ").Append(serviceMessage.TrimEnd('.'));
        }

        message.Append('.');
        if (errorCode is null && serviceMessage is null)
        {
            message.Append(DescribeOtherBody(body));
        }

        var nextStep = NextStep(method, response.StatusCode, errorCode, serviceMessage);
        if (nextStep is not null)
        {
            message.Append(' ').Append(nextStep);
        }

        return new CodeSigningStorageException(method.Method, url.RedactedUrl, response.StatusCode, errorCode, serviceMessage, message.ToString());
    }

    /// <summary>
    /// Describes a body that is not an S3 error document (a proxy's HTML page, say) by its start, or states that it is
    /// empty. An excerpt that still mentions a signature after the URL queries are removed is left out.
    /// </summary>
    private static string DescribeOtherBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return " The body is empty.";
        }

        var excerpt = Shorten(RedactQueries(Whitespace().Replace(body, " ").Trim()), MaxExcerptChars)!;
        if (excerpt.Contains("signature", StringComparison.OrdinalIgnoreCase))
        {
            return " The body is not an S3 error document.";
        }

        return $" The body is not an S3 error document and starts with: {excerpt}";
    }

    /// <summary>
    /// Replaces the query string of every URL in <paramref name="text"/>, which may contain a signature, with
    /// <c>[redacted]</c>, also where a JSON string escapes the URL.
    /// </summary>
    private static string RedactQueries(string text) => OpenApiJson.RedactUrlQueries(text);

    /// <summary>Returns what to do about a storage error, or null when the status and the storage's message are enough.</summary>
    private static string? NextStep(HttpMethod method, HttpStatusCode statusCode, string? errorCode, string? serviceMessage)
    {
        var again = method == HttpMethod.Put ? "Start the upload again from the create" : "Download again";
        if (errorCode == "SignatureDoesNotMatch")
        {
            return $"The presigned URL was changed on the way (by a proxy, say), or the request differs from the signed one, for example in its Content-Length. {again} to get a new URL, and send it unchanged.";
        }

        if (IsExpired(errorCode, serviceMessage))
        {
            return $"The presigned URL expired before the request. {again} to get a new URL, and send the request soon after.";
        }

        if (statusCode == HttpStatusCode.Forbidden)
        {
            return $"A presigned URL is valid for a limited time and only for the exact Content-Length it signs. {again} to get a new URL.";
        }

        return null;
    }

    /// <summary>Gets whether an S3 error reports an expired presigned URL: <c>AccessDenied</c> with "Request has expired", or one of the expiry codes.</summary>
    public static bool IsExpired(string? errorCode, string? serviceMessage)
        => serviceMessage?.Contains("expired", StringComparison.OrdinalIgnoreCase) == true || errorCode is "ExpiredToken" or "RequestExpired";

    /// <summary>Returns the <c>Code</c> and <c>Message</c> children of an <c>Error</c> root, or nulls when the body is not such a document.</summary>
    internal static (string? Code, string? Message) ParseErrorDocument(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        string? code = null;
        string? message = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Error")
            {
                return (null, null);
            }

            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName is "Code" or "Message")
                {
                    var name = reader.LocalName;
                    var value = reader.ReadElementContentAsString().Trim();
                    if (name == "Code")
                    {
                        code = value;
                    }
                    else
                    {
                        message = value;
                    }
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            // A body that is not XML (a proxy's HTML page, say) carries no code or message; the status still shows what failed.
            return (null, null);
        }

        return (NullIfEmpty(code), NullIfEmpty(message));
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[MaxErrorBodyChars];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            return new string(buffer, 0, read);
        }
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Shorten(string? value, int maxLength)
        => value is null || value.Length <= maxLength ? value : value[..(maxLength - 1)] + "\u2026";
}
