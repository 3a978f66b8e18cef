using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning;
using Bitrise.CodeSigning.Cli.FileKindDetection;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Resolves the alias and passwords of an Android keystore from the options and checks them against the file, as
/// Bitrise needs all three to sign a build.
/// </summary>
internal static class KeystoreCredentialResolver
{
    /// <summary>Returns the credentials of the keystore <paramref name="file"/>, whose bytes are <paramref name="content"/>.</summary>
    /// <exception cref="InvalidInputException">The store password, the alias or the key password is missing or wrong.</exception>
    public static AndroidKeystoreCredentials Resolve(DemoFile file, FileContentFormat format, byte[] content, DemoInputOptions options)
    {
        if (options.KeystorePassword is not { } storePassword)
        {
            throw new InvalidInputException(
                $"'{file.Path}' is an Android keystore, and Bitrise needs its password to sign with it. Pass it as --keystore-password.");
        }

        var keyPassword = options.KeyPassword ?? storePassword;
        if (format == FileContentFormat.JavaKeyStore)
        {
            return ResolveJavaKeyStore(file, content, storePassword, keyPassword, options.KeystoreAlias);
        }

        if (!Pkcs12Inspector.IsPasswordCorrect(content, storePassword))
        {
            throw WrongStorePassword(file);
        }

        var entries = Pkcs12Inspector.ReadKeyEntries(content, storePassword);
        var aliases = entries.Where(entry => entry.Alias is not null).Select(entry => entry.Alias!).ToList();
        var alias = ChooseAlias(file, aliases, options.KeystoreAlias);

        var entry = entries.First(entry => string.Equals(entry.Alias, alias, StringComparison.OrdinalIgnoreCase));
        if (!Pkcs12Inspector.IsKeyPasswordCorrect(entry, keyPassword))
        {
            throw new InvalidInputException(
                $"The key password does not decrypt the key '{alias}' in '{file.Path}'. Pass the key's password (keytool -keypass) as "
                + "--key-password. In a PKCS#12 keystore it is usually the keystore password.");
        }

        return new AndroidKeystoreCredentials(alias, storePassword, keyPassword);
    }

    private static AndroidKeystoreCredentials ResolveJavaKeyStore(DemoFile file, byte[] content, string storePassword, string keyPassword, string? requestedAlias)
    {
        if (!JavaKeyStoreInspector.IsPasswordCorrect(content, storePassword))
        {
            throw WrongStorePassword(file);
        }

        IReadOnlyList<string> aliases;
        try
        {
            aliases = JavaKeyStoreInspector.ReadKeyAliases(content);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidInputException($"'{file.Path}' is not a well-formed JKS keystore: {exception.Message} Export it again with keytool.");
        }

        // NOTE: the key password of a JKS entry is not checked here, so a wrong one shows only when Bitrise signs with it.
        return new AndroidKeystoreCredentials(ChooseAlias(file, aliases, requestedAlias), storePassword, keyPassword);
    }

    private static string ChooseAlias(DemoFile file, IReadOnlyList<string> aliases, string? requestedAlias)
    {
        if (aliases.Count == 0)
        {
            throw new InvalidInputException(
                $"The keystore '{file.Path}' contains no private key entry with an alias. Pass a keystore made with keytool -genkeypair.");
        }

        var aliasList = string.Join(", ", aliases.Order(StringComparer.Ordinal));
        if (requestedAlias is null)
        {
            return aliases.Count == 1
                ? aliases[0]
                : throw new InvalidInputException(
                    $"The keystore '{file.Path}' has {aliases.Count} key entries ({aliasList}). Pass the one to sign with as --keystore-alias.");
        }

        // keytool treats aliases as case-insensitive.
        return aliases.FirstOrDefault(alias => string.Equals(alias, requestedAlias, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidInputException(
                $"The keystore '{file.Path}' has no key entry with the alias '{requestedAlias}' given as --keystore-alias. "
                + $"Pass one of its aliases: {aliasList}.");
    }

    private static InvalidInputException WrongStorePassword(DemoFile file) => new(
        $"The password given as --keystore-password does not open the keystore '{file.Path}' (the integrity check failed). "
        + "Pass the keystore's store password (keytool -storepass).");
}
