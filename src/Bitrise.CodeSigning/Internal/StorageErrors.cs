using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Turns a storage response outside 2xx into a <see cref="CodeSigningStorageException"/>.</summary>
internal static class StorageErrors
{
    // An S3 error document is a few hundred bytes; reading more gains nothing and costs memory.
    private const int MaxErrorBodyChars = 16 * 1024;

    /// <summary>
    /// Creates the exception for <paramref name="response"/>, with the <c>Code</c> and <c>Message</c> of an S3-style
    /// XML error body. Only those two elements are kept: the rest of such a body (for example
    /// <c>CanonicalRequest</c>) can repeat the presigned query string.
    /// </summary>
    public static async Task<CodeSigningStorageException> CreateAsync(HttpMethod method, PresignedUrl url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadStartAsync(response, cancellationToken).ConfigureAwait(false);
        var (errorCode, serviceMessage) = ParseErrorDocument(body);

        var status = (int)response.StatusCode;
        var message = new StringBuilder()
            .Append($"{method.Method} {url.RedactedUrl} failed with {status} ({response.StatusCode})");
        if (errorCode is not null)
        {
            message.Append(": ").Append(errorCode);
        }

        if (serviceMessage is not null)
        {
            message.Append(": ").Append(serviceMessage);
        }

        message.Append('.');
        if (status == 403)
        {
            message.Append(" A presigned URL is valid for 10 minutes and only for the exact Content-Length it signs: start the upload or download again.");
        }

        return new CodeSigningStorageException(method.Method, url.RedactedUrl, response.StatusCode, errorCode, serviceMessage, message.ToString());
    }

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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
