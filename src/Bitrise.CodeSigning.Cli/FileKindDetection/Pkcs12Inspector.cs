using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Bitrise.CodeSigning.Cli.FileKindDetection;

/// <summary>Checks the passwords of a PKCS#12 file and reads its key entries, without loading any key.</summary>
internal static class Pkcs12Inspector
{
    /// <summary>The object identifier of the PKCS#9 friendlyName attribute, which contains a keystore entry's alias.</summary>
    public const string FriendlyNameOid = "1.2.840.113549.1.9.20";

    /// <summary>
    /// Returns whether <paramref name="password"/> is the file's password: it passes the integrity check (the MAC)
    /// and decrypts every encrypted safe.
    /// </summary>
    /// <exception cref="CryptographicException">The content is not PKCS#12.</exception>
    public static bool IsPasswordCorrect(ReadOnlyMemory<byte> content, string password)
    {
        var info = Pkcs12Info.Decode(content, out _, skipCopy: true);
        if (info.IntegrityMode == Pkcs12IntegrityMode.Password && !VerifyMac(info, password))
        {
            return false;
        }

        return TryDecryptSafes(info, password);
    }

    /// <summary>
    /// Returns the private-key entries of the file, each with its alias (friendly name) where it has one.
    /// </summary>
    /// <exception cref="CryptographicException">
    /// The content is not PKCS#12, or <paramref name="password"/> does not decrypt it.
    /// </exception>
    public static IReadOnlyList<Pkcs12KeyEntry> ReadKeyEntries(ReadOnlyMemory<byte> content, string password)
    {
        var info = Pkcs12Info.Decode(content, out _, skipCopy: true);
        if (!TryDecryptSafes(info, password))
        {
            throw new CryptographicException("The password does not decrypt the PKCS#12 safes.");
        }

        var entries = new List<Pkcs12KeyEntry>();
        foreach (var safe in info.AuthenticatedSafe)
        {
            foreach (var bag in safe.GetBags())
            {
                if (bag is Pkcs12ShroudedKeyBag shroudedKey)
                {
                    entries.Add(new Pkcs12KeyEntry(ReadFriendlyName(bag), shroudedKey.EncryptedPkcs8PrivateKey));
                }
                else if (bag is Pkcs12KeyBag)
                {
                    entries.Add(new Pkcs12KeyEntry(ReadFriendlyName(bag), EncryptedPrivateKey: null));
                }
            }
        }

        return entries;
    }

    /// <summary>Returns whether <paramref name="keyPassword"/> decrypts the private key of <paramref name="entry"/>.</summary>
    public static bool IsKeyPasswordCorrect(Pkcs12KeyEntry entry, string keyPassword)
    {
        if (entry.EncryptedPrivateKey is not { } encryptedKey)
        {
            return true;
        }

        try
        {
            Pkcs8PrivateKeyInfo.DecryptAndDecode(keyPassword.AsSpan(), encryptedKey, out _);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool VerifyMac(Pkcs12Info info, string password)
    {
        // An empty password has two encodings, an empty BMPString or none at all. Tools differ in which they use,
        // so both count.
        return info.VerifyMac(password) || (password.Length == 0 && info.VerifyMac(null));
    }

    private static bool TryDecryptSafes(Pkcs12Info info, string password)
    {
        foreach (var safe in info.AuthenticatedSafe)
        {
            if (safe.ConfidentialityMode != Pkcs12ConfidentialityMode.Password)
            {
                continue;
            }

            if (!TryDecrypt(safe, password) && !(password.Length == 0 && TryDecrypt(safe, null)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecrypt(Pkcs12SafeContents safe, string? password)
    {
        try
        {
            safe.Decrypt(password);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string? ReadFriendlyName(Pkcs12SafeBag bag)
    {
        foreach (var attribute in bag.Attributes)
        {
            if (attribute.Oid.Value != FriendlyNameOid || attribute.Values.Count == 0)
            {
                continue;
            }

            var reader = new AsnReader(attribute.Values[0].RawData, AsnEncodingRules.BER);
            return reader.ReadCharacterString(UniversalTagNumber.BMPString);
        }

        return null;
    }
}

/// <summary>A private-key entry of a PKCS#12 file: its alias, if any, and its encrypted PKCS#8 key, if encrypted.</summary>
internal sealed record Pkcs12KeyEntry(string? Alias, ReadOnlyMemory<byte>? EncryptedPrivateKey);
