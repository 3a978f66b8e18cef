using System;
using System.Collections.Generic;

namespace Bitrise.CodeSigning.Tests.Support;

/// <summary>The secrets that the tests send, and a check that an exception's text contains none of them.</summary>
internal static class SecretScan
{
    /// <summary>The certificate password that upload tests set.</summary>
    public const string CertificatePassword = "p12-secret-5f2b";

    /// <summary>The signature that the tests' presigned URLs carry in their query string.</summary>
    public const string Signature = "sig-secret-81d0";

    private static readonly string[] Secrets = [MockApi.AccessToken, CertificatePassword, Signature, "X-Amz-Signature", "store-secret-1", "key-secret-2"];

    /// <summary>
    /// Asserts that neither the message nor the <see cref="Exception.ToString"/> text of <paramref name="exception"/>
    /// and its inner exceptions contains the token, a password or a presigned URL's signature.
    /// </summary>
    public static void AssertClean(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, current.Message, StringComparison.Ordinal);
            }
        }

        var text = exception.ToString();
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Returns each secret found in <paramref name="texts"/>, with the start of the text it is in.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> texts)
    {
        var found = new List<string>();
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    found.Add($"'{secret}' in: {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }

        return found;
    }
}
