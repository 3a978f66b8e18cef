using System;

namespace Bitrise.CodeSigning.Internal;

/// <summary>Describes a transport exception by its innermost message, which names the socket error.</summary>
internal static class TransportErrors
{
    /// <summary>
    /// Returns the innermost message of <paramref name="exception"/> without its final period, for example
    /// "Connection refused (127.0.0.1:5000)". The outer message of an <see cref="System.Net.Http.HttpRequestException"/>
    /// is only "An error occurred while sending the request".
    /// </summary>
    public static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.TrimEnd('.');
    }
}
