namespace Bitrise.CodeSigning;

/// <summary>
/// The credentials that Bitrise stores with an Android keystore file and hands to builds that sign with it.
/// <see cref="ToString"/> prints the alias and replaces both passwords with <c>[redacted]</c>.
/// </summary>
/// <param name="Alias">The alias of the signing key inside the keystore.</param>
/// <param name="Password">The password of the keystore.</param>
/// <param name="PrivateKeyPassword">The password of the private key under <paramref name="Alias"/>.</param>
public sealed record AndroidKeystoreCredentials(string Alias, string Password, string PrivateKeyPassword)
{
    /// <summary>Returns the type name and the alias, with both passwords replaced by <c>[redacted]</c>.</summary>
    public override string ToString()
        => $"{nameof(AndroidKeystoreCredentials)} {{ {nameof(Alias)} = {Alias}, {nameof(Password)} = [redacted], {nameof(PrivateKeyPassword)} = [redacted] }}";
}
