using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Bitrise.CodeSigning.Cli.Tests.FileKindDetection;

/// <summary>Writes small Java KeyStore files for tests, since no JKS fixture exists and .NET cannot write one.</summary>
internal static class JavaKeyStoreBuilder
{
    /// <summary>
    /// Returns a version 2 JKS with a private-key entry "upload" (with placeholder key and certificate bytes) and a
    /// trusted-certificate entry "ca", sealed with the digest keytool computes.
    /// </summary>
    public static byte[] Build(string password)
    {
        using var stream = new MemoryStream();
        WriteUInt32(stream, 0xFEEDFEED);
        WriteUInt32(stream, 2);
        WriteUInt32(stream, 2);

        WriteUInt32(stream, 1);
        WriteUtf(stream, "upload");
        stream.Write(new byte[8]);
        WriteBlock(stream, [0x30, 0x03, 0x02, 0x01, 0x00]);
        WriteUInt32(stream, 1);
        WriteUtf(stream, "X.509");
        WriteBlock(stream, [0x30, 0x00]);

        WriteUInt32(stream, 2);
        WriteUtf(stream, "ca");
        stream.Write(new byte[8]);
        WriteUtf(stream, "X.509");
        WriteBlock(stream, [0x30, 0x00]);

        var body = stream.ToArray();
        var digest = SHA1.HashData([.. Encoding.BigEndianUnicode.GetBytes(password), .. "Mighty Aphrodite"u8, .. body]);
        return [.. body, .. digest];
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteUtf(Stream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)bytes.Length);
        stream.Write(length);
        stream.Write(bytes);
    }

    private static void WriteBlock(Stream stream, byte[] value)
    {
        WriteUInt32(stream, (uint)value.Length);
        stream.Write(value);
    }
}
