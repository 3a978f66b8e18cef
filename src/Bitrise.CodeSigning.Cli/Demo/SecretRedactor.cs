using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Removes secrets from text the demo prints: the given token and passwords, and the query string of every URL,
/// which for a presigned URL carries the signature.
/// </summary>
internal sealed partial class SecretRedactor
{
    /// <summary>The text that replaces each secret.</summary>
    public const string Placeholder = "[redacted]";

    private readonly List<string> _secrets = [];

    /// <summary>Adds <paramref name="secret"/> to the values to remove, ignoring null and empty values.</summary>
    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && !_secrets.Contains(secret))
        {
            _secrets.Add(secret);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every secret and URL query string replaced by <see cref="Placeholder"/>.</summary>
    public string Redact(string text)
    {
        var redacted = UrlQuery().Replace(text, "$1?" + Placeholder);

        // Longer secrets first, so that a password that contains another one is removed whole.
        _secrets.Sort((left, right) => right.Length.CompareTo(left.Length));
        foreach (var secret in _secrets)
        {
            redacted = redacted.Replace(secret, Placeholder, StringComparison.Ordinal);
        }

        return redacted;
    }

    [GeneratedRegex(@"(https?://[^\s?#'""]+)\?[^\s'""]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlQuery();
}
