using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Bitrise.CodeSigning.Cli.FileKindDetection;

/// <summary>
/// Checks the store password of a Java KeyStore (JKS, the keytool default before JDK 9) and reads its aliases.
/// The format is the one OpenJDK's <c>sun.security.provider.JavaKeyStore</c> writes: a header, the entries,
/// then a SHA-1 digest over the password, a fixed salt phrase and everything before the digest.
/// </summary>
internal static class JavaKeyStoreInspector
{
    private const int DigestLength = 20;
    private const int PrivateKeyEntryTag = 1;
    private const int TrustedCertificateEntryTag = 2;

    // OpenJDK mixes this phrase into the integrity digest.
    private static readonly byte[] IntegritySalt = Encoding.UTF8.GetBytes("Mighty Aphrodite");

    /// <summary>Returns whether <paramref name="password"/> matches the keystore's integrity digest.</summary>
    public static bool IsPasswordCorrect(ReadOnlySpan<byte> content, string password)
    {
        if (content.Length < 12 + DigestLength)
        {
            return false;
        }

        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.BigEndianUnicode.GetBytes(password));
        sha1.AppendData(IntegritySalt);
        sha1.AppendData(content[..^DigestLength]);

        return CryptographicOperations.FixedTimeEquals(sha1.GetHashAndReset(), content[^DigestLength..]);
    }

    /// <summary>Returns the aliases of the private-key entries.</summary>
    /// <exception cref="InvalidDataException">The content is not a well-formed JKS file.</exception>
    public static IReadOnlyList<string> ReadKeyAliases(ReadOnlySpan<byte> content)
    {
        var reader = new JavaKeyStoreReader(content[..^Math.Min(DigestLength, content.Length)]);
        if (reader.ReadUInt32() != FileContentSniffer.JavaKeyStoreMagic)
        {
            throw new InvalidDataException("The file does not start with the JKS magic number FEEDFEED.");
        }

        var version = reader.ReadUInt32();
        if (version is not (1 or 2))
        {
            throw new InvalidDataException($"The JKS version is {version}, but only versions 1 and 2 exist.");
        }

        var aliases = new List<string>();
        var entryCount = reader.ReadUInt32();
        for (var i = 0; i < entryCount; i++)
        {
            var tag = reader.ReadUInt32();
            var alias = reader.ReadJavaUtf();
            reader.Skip(8); // creation time in milliseconds

            if (tag == PrivateKeyEntryTag)
            {
                aliases.Add(alias);
                reader.Skip(reader.ReadLength());

                var chainLength = reader.ReadUInt32();
                for (var j = 0; j < chainLength; j++)
                {
                    SkipCertificate(ref reader, version);
                }
            }
            else if (tag == TrustedCertificateEntryTag)
            {
                SkipCertificate(ref reader, version);
            }
            else
            {
                throw new InvalidDataException($"Entry {i} has the tag {tag}, but JKS has only private-key (1) and certificate (2) entries.");
            }
        }

        return aliases;
    }

    private static void SkipCertificate(ref JavaKeyStoreReader reader, uint version)
    {
        if (version == 2)
        {
            reader.ReadJavaUtf(); // certificate type, "X.509"
        }

        reader.Skip(reader.ReadLength());
    }

    private ref struct JavaKeyStoreReader(ReadOnlySpan<byte> content)
    {
        private ReadOnlySpan<byte> _remaining = content;

        public uint ReadUInt32()
        {
            var value = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
            return value;
        }

        public int ReadLength()
        {
            var length = ReadUInt32();
            return length <= int.MaxValue ? (int)length : throw new InvalidDataException($"A JKS length field is {length}, past the end of the file.");
        }

        public string ReadJavaUtf()
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(Take(2));

            // Java's modified UTF-8 differs from UTF-8 only for U+0000 and characters outside the BMP, which
            // keytool aliases rarely contain.
            return Encoding.UTF8.GetString(Take(length));
        }

        public void Skip(int length) => Take(length);

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length > _remaining.Length)
            {
                throw new InvalidDataException($"The JKS file ends early: {length} more bytes are expected, {_remaining.Length} remain.");
            }

            var slice = _remaining[..length];
            _remaining = _remaining[length..];
            return slice;
        }
    }
}
