using System;
using System.Collections.Generic;
using System.IO;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.FileKindDetection;

/// <summary>
/// Decides which code-signing file kind a file is uploaded as. The content decides first, and the extension only
/// separates a keystore from a build certificate (both PKCS#12) and catches signing files whose content is broken.
/// </summary>
internal static class FileKindDetector
{
    private static readonly HashSet<string> KeystoreExtensions = new(StringComparer.OrdinalIgnoreCase) { ".keystore", ".jks" };

    // Extensions that promise a signing format. A file with one of them whose content is something else is rejected
    // rather than uploaded as a generic project file, because it is almost always a broken export.
    private static readonly Dictionary<string, string> SigningExtensionFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mobileprovision"] = "a CMS-signed provisioning profile",
        [".provisionprofile"] = "a CMS-signed provisioning profile",
        [".p12"] = "a PKCS#12 file",
        [".pfx"] = "a PKCS#12 file",
        [".keystore"] = "a PKCS#12 or JKS keystore",
        [".jks"] = "a PKCS#12 or JKS keystore",
    };

    /// <summary>
    /// Returns the kind of the file at <paramref name="path"/> with the content format <paramref name="format"/>,
    /// or checks that <paramref name="requestedKind"/> fits the content when the user chose a kind.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The file is empty, or its content (or its size, when it is too large to inspect) fits neither the requested kind
    /// nor its extension.
    /// </exception>
    public static CodeSigningFileKind Detect(string path, FileContentFormat format, CodeSigningFileKind? requestedKind)
    {
        if (format == FileContentFormat.Empty)
        {
            throw new InvalidInputException($"'{path}' is empty (0 bytes), so it is no code-signing file. Pass the path of the real file.");
        }

        return requestedKind is { } kind ? CheckRequestedKind(path, format, kind) : DetectFromContent(path, format);
    }

    private static CodeSigningFileKind DetectFromContent(string path, FileContentFormat format)
    {
        var extension = Path.GetExtension(path);
        switch (format)
        {
            case FileContentFormat.SignedPropertyList:
                return CodeSigningFileKind.ProvisioningProfile;
            case FileContentFormat.JavaKeyStore:
                return CodeSigningFileKind.AndroidKeystoreFile;
            case FileContentFormat.Pkcs12:
                return KeystoreExtensions.Contains(extension) ? CodeSigningFileKind.AndroidKeystoreFile : CodeSigningFileKind.BuildCertificate;
        }

        if (SigningExtensionFormats.TryGetValue(extension, out var expectedFormat))
        {
            if (format == FileContentFormat.TooLargeToInspect)
            {
                throw TooLarge(path, $"has the extension {extension}, but", expectedFormat);
            }

            throw new InvalidInputException(
                $"'{path}' has the extension {extension} but is not {expectedFormat}. Export the file again, or pass "
                + $"--kind {FileKindNames.ToName(CodeSigningFileKind.GenericProjectFile)} to upload it as a generic project file.");
        }

        return CodeSigningFileKind.GenericProjectFile;
    }

    private static CodeSigningFileKind CheckRequestedKind(string path, FileContentFormat format, CodeSigningFileKind kind)
    {
        var fits = kind switch
        {
            CodeSigningFileKind.ProvisioningProfile => format == FileContentFormat.SignedPropertyList,
            CodeSigningFileKind.BuildCertificate => format == FileContentFormat.Pkcs12,
            CodeSigningFileKind.AndroidKeystoreFile => format is FileContentFormat.Pkcs12 or FileContentFormat.JavaKeyStore,
            _ => true,
        };
        if (fits)
        {
            return kind;
        }

        var expected = kind switch
        {
            CodeSigningFileKind.ProvisioningProfile => "a CMS-signed provisioning profile",
            CodeSigningFileKind.BuildCertificate => "a PKCS#12 file",
            _ => "a PKCS#12 or JKS keystore",
        };
        if (format == FileContentFormat.TooLargeToInspect)
        {
            throw TooLarge(path, $"is given as --kind {FileKindNames.ToName(kind)}, but", expected);
        }

        throw new InvalidInputException(
            $"'{path}' is not {expected}, so it cannot be uploaded as --kind {FileKindNames.ToName(kind)}. "
            + $"Pass the right file, or --kind {FileKindNames.Auto} to detect the kind from the content.");
    }

    private static InvalidInputException TooLarge(string path, string claim, string expectedFormat) => new(
        $"'{path}' {claim} it is larger than {FileContentSniffer.MaxInspectedBytes / (1024 * 1024)} MiB, far too large for {expectedFormat}, "
        + $"which is a few kilobytes. Pass the right file, or --kind {FileKindNames.ToName(CodeSigningFileKind.GenericProjectFile)} to upload it as a generic project file.");
}
