using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrise.OpenApi.SourceGenerator.Helpers;

/// <summary>Turns names from the document into C# identifiers.</summary>
internal static class Naming
{
    /// <summary>
    /// Converts a name to PascalCase: characters that cannot appear in an identifier separate words and are
    /// removed (<c>v0.BuildCertificateUploadParams</c> becomes <c>V0BuildCertificateUploadParams</c>,
    /// <c>is_protected</c> becomes <c>IsProtected</c>). A leading digit gets an underscore.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var character in name)
        {
            if (!IsIdentifierPart(character))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(character) : character);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Names an enum member after its value: <c>in-progress</c> becomes <c>InProgress</c>, the empty string
    /// <c>Empty</c>, <c>-1</c> <c>Minus1</c>, a leading digit gets <c>Value</c> (<c>2fa</c> becomes
    /// <c>Value2fa</c>), and a value of symbols only spells them (<c>+</c> becomes <c>Plus</c>).
    /// </summary>
    public static string ToEnumMemberName(string value)
    {
        if (value.Length == 0)
        {
            return "Empty";
        }

        if (value.Length > 1 && value[0] == '-' && char.IsDigit(value[1]))
        {
            return "Minus" + ToPascalCase(value.Substring(1)).TrimStart('_');
        }

        var name = ToPascalCase(value);
        if (name == "Value" && !value.Any(IsIdentifierPart))
        {
            return string.Concat(value.Select(SymbolName));
        }

        return name[0] == '_' ? "Value" + name.Substring(1) : name;
    }

    private static string SymbolName(char symbol) =>
        symbol switch
        {
            '+' => "Plus",
            '-' => "Minus",
            '*' => "Asterisk",
            '/' => "Slash",
            '\\' => "Backslash",
            '.' => "Dot",
            ',' => "Comma",
            ':' => "Colon",
            '=' => "Equal",
            '<' => "LessThan",
            '>' => "GreaterThan",
            '!' => "Exclamation",
            '?' => "Question",
            '#' => "Hash",
            '@' => "At",
            '&' => "Ampersand",
            '%' => "Percent",
            '$' => "Dollar",
            '_' => "Underscore",
            ' ' => "Space",
            _ => "U" + ((int)symbol).ToString("X4", CultureInfo.InvariantCulture),
        };

    /// <summary>Converts a name to camelCase for a parameter, without keyword escaping.</summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var leadingUpper = 0;
        while (leadingUpper < pascal.Length && char.IsUpper(pascal[leadingUpper]))
        {
            leadingUpper++;
        }

        // "URL" becomes "url" and "HTTPServer" becomes "httpServer": a run of capitals is one word.
        var lowerCount = leadingUpper <= 1 || leadingUpper == pascal.Length ? leadingUpper : leadingUpper - 1;
        return pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
    }

    /// <summary>
    /// Returns a name from item metadata unchanged when it is a valid identifier that is not a keyword, and
    /// its PascalCase form otherwise (<c>my-api</c> becomes <c>MyApi</c>).
    /// </summary>
    public static string ToTypeName(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : ToPascalCase(name);

    /// <summary>Applies <see cref="ToTypeName"/> to each dot-separated part of a namespace.</summary>
    public static string ToNamespace(string name)
    {
        var parts = name.Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "OpenApi" : string.Join(".", parts.Select(part => ToTypeName(part.Trim())));
    }

    /// <summary>Returns the exception type name for a client: <c>CodeSigningApiClient</c> gives <c>CodeSigningApiException</c>.</summary>
    public static string ExceptionName(string clientName)
    {
        const string Suffix = "Client";
        var stem = clientName.EndsWith(Suffix, StringComparison.Ordinal) && clientName.Length > Suffix.Length
            ? clientName.Substring(0, clientName.Length - Suffix.Length)
            : clientName;
        return stem + "Exception";
    }

    /// <summary>Returns the interface name for a client: <c>CodeSigningApiClient</c> gives <c>ICodeSigningApiClient</c>.</summary>
    public static string InterfaceName(string clientName) => "I" + clientName;

    /// <summary>Returns the serializer context name that the item metadata sets, or by default <c>{ClientName}JsonSerializerContext</c>.</summary>
    public static string SerializerContextName(string clientName, string? configuredName) =>
        configuredName ?? clientName + "JsonSerializerContext";

    /// <summary>Prefixes <c>@</c> when the identifier is a C# keyword.</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    private static bool IsIdentifierPart(char character) =>
        character != '_' && SyntaxFacts.IsIdentifierPartCharacter(character) && char.GetUnicodeCategory(character) != UnicodeCategory.Format;
}

/// <summary>
/// Hands out unique names in one scope: the first request for a name gets it, later ones get the stable
/// suffixes 2, 3, and so on. Callers ask in an ordinal order so the suffixes do not depend on the document's
/// key order.
/// </summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _used;

    public NameAllocator(IEnumerable<string>? reserved = null, StringComparer? comparer = null)
    {
        _used = new HashSet<string>(reserved ?? Array.Empty<string>(), comparer ?? StringComparer.Ordinal);
    }

    public string Allocate(string name) => Allocate(name, string.Empty);

    public bool IsUsed(string name) => _used.Contains(name);

    /// <summary>
    /// Returns <paramref name="stem"/> followed by <paramref name="suffix"/>, with the number that makes it unique
    /// placed before the suffix: <c>GetA</c> and <c>Async</c> give <c>GetAAsync</c>, then <c>GetA2Async</c>.
    /// </summary>
    public string Allocate(string stem, string suffix) => Allocate(stem, suffix, static _ => true);

    /// <summary>
    /// Returns a unique name like <see cref="Allocate(string)"/>, skipping the names that
    /// <paramref name="isAllowed"/> rejects because they would clash with a name outside this scope.
    /// </summary>
    public string Allocate(string name, Func<string, bool> isAllowed) => Allocate(name, string.Empty, isAllowed);

    private string Allocate(string stem, string suffix, Func<string, bool> isAllowed)
    {
        var candidate = stem + suffix;
        for (var number = 2; !isAllowed(candidate) || !_used.Add(candidate); number++)
        {
            candidate = stem + number.ToString(CultureInfo.InvariantCulture) + suffix;
        }

        return candidate;
    }
}
