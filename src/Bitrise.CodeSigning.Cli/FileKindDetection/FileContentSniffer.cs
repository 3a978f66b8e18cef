using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;

namespace Bitrise.CodeSigning.Cli.FileKindDetection;

/// <summary>Recognizes the format of a file from its bytes, without passwords.</summary>
internal static class FileContentSniffer
{
    /// <summary>The first four bytes of a Java KeyStore file.</summary>
    public const uint JavaKeyStoreMagic = 0xFEEDFEED;

    /// <summary>
    /// The maximum length of a file whose content is read to detect its kind, 16 MiB. The PKCS#12 and CMS decoders need the whole
    /// file in memory, and signing files are a few kilobytes, so a longer file can only be a generic project file.
    /// </summary>
    public const long MaxInspectedBytes = 16 * 1024 * 1024;

    /// <summary>Returns the format of <paramref name="content"/>.</summary>
    public static FileContentFormat Sniff(ReadOnlyMemory<byte> content)
    {
        if (content.IsEmpty)
        {
            return FileContentFormat.Empty;
        }

        if (content.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(content.Span) == JavaKeyStoreMagic)
        {
            return FileContentFormat.JavaKeyStore;
        }

        // Both remaining formats are DER (or BER) and start with a SEQUENCE tag.
        if (content.Span[0] != 0x30)
        {
            return FileContentFormat.Other;
        }

        if (TryDecodeSignedContent(content, out var signedContent) && IsPropertyList(signedContent))
        {
            return FileContentFormat.SignedPropertyList;
        }

        return IsPkcs12(content) ? FileContentFormat.Pkcs12 : FileContentFormat.Other;
    }

    /// <summary>Decodes CMS SignedData and returns the content it signs.</summary>
    public static bool TryDecodeSignedContent(ReadOnlyMemory<byte> content, out ReadOnlyMemory<byte> signedContent)
    {
        signedContent = default;
        try
        {
            var signedCms = new SignedCms();
            signedCms.Decode(content.Span);
            signedContent = signedCms.ContentInfo.Content;
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Returns whether <paramref name="content"/> is an XML property list (as in every provisioning profile) or a
    /// binary one.
    /// </summary>
    public static bool IsPropertyList(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith("bplist"u8))
        {
            return true;
        }

        var head = Encoding.UTF8.GetString(span[..Math.Min(span.Length, 512)]);
        return head.Contains("<plist", StringComparison.Ordinal);
    }

    private static bool IsPkcs12(ReadOnlyMemory<byte> content)
    {
        try
        {
            Pkcs12Info.Decode(content, out _, skipCopy: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
