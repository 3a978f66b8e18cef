using System;

namespace Bitrise.CodeSigning;

/// <summary>
/// The credentials that Bitrise stores with an Android keystore file and hands to builds that sign with it.
/// <see cref="ToString"/> prints the alias and replaces both passwords with <c>[redacted]</c>.
/// </summary>
/// <param name="Alias">The alias of the signing key inside the keystore.</param>
/// <param name="Password">The password of the keystore.</param>
/// <param name="PrivateKeyPassword">The password of the private key under <paramref name="Alias"/>.</param>
/// <exception cref="ArgumentNullException">A value is null.</exception>
/// <exception cref="ArgumentException">A value is empty. The message names the parameter, never the value.</exception>
public sealed record AndroidKeystoreCredentials(string Alias, string Password, string PrivateKeyPassword)
{
    // Bitrise needs all three to sign a build, so a missing one is rejected here, before any request. The init
    // accessors check too, because a with-expression sets them without the constructor.
    private readonly string _alias = RequireValue(Alias, nameof(Alias));
    private readonly string _password = RequireValue(Password, nameof(Password));
    private readonly string _privateKeyPassword = RequireValue(PrivateKeyPassword, nameof(PrivateKeyPassword));

    /// <summary>Gets the alias of the signing key inside the keystore; never null or empty.</summary>
    public string Alias
    {
        get => _alias;
        init => _alias = RequireValue(value, nameof(Alias));
    }

    /// <summary>Gets the password of the keystore; never null or empty.</summary>
    public string Password
    {
        get => _password;
        init => _password = RequireValue(value, nameof(Password));
    }

    /// <summary>Gets the password of the private key under <see cref="Alias"/>; never null or empty.</summary>
    public string PrivateKeyPassword
    {
        get => _privateKeyPassword;
        init => _privateKeyPassword = RequireValue(value, nameof(PrivateKeyPassword));
    }

    /// <summary>Returns the type name and the alias, with both passwords replaced by <c>[redacted]</c>.</summary>
    public override string ToString()
        => $"{nameof(AndroidKeystoreCredentials)} {{ {nameof(Alias)} = {Alias}, {nameof(Password)} = [redacted], {nameof(PrivateKeyPassword)} = [redacted] }}";

    private static string RequireValue(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        return value;
    }
}
