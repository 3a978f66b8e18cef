using System;
using System.Net.Http;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The method, host and path of a request: the parts of its URL that are safe to log and put into a message. The
/// query string is left out because a presigned URL's query contains its signature.
/// </summary>
internal readonly record struct RequestTarget(string Method, string Scheme, string Host, string Path)
{
    public static RequestTarget Of(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        if (uri is not { IsAbsoluteUri: true })
        {
            return new RequestTarget(request.Method.Method, string.Empty, string.Empty, uri?.OriginalString.Split('?', '#')[0] ?? string.Empty);
        }

        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return new RequestTarget(request.Method.Method, uri.Scheme, host, uri.AbsolutePath);
    }

    /// <summary>Returns the method and the URL without its query string, for example <c>GET https://api.bitrise.io/v0.1/apps/a</c>.</summary>
    public override string ToString() => Scheme.Length == 0 ? $"{Method} {Path}" : $"{Method} {Scheme}://{Host}{Path}";
}
