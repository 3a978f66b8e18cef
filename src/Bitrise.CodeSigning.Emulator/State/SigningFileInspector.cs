using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bitrise.CodeSigning.Emulator.Storage;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>
/// Reads the read-only facts that the API computes once a file is processed: the certificates of a .p12 build
/// certificate and the certificate fingerprint of an Android keystore.
/// </summary>
internal static class SigningFileInspector
{
    /// <summary>Files larger than this are not parsed, because real .p12 and keystore files are a few kilobytes.</summary>
    private const long MaxInspectedBytes = 1 << 20;

    /// <summary>
    /// Reads the facts of <paramref name="input"/>'s kind: the certificates of a build certificate or the fingerprint
    /// of an Android keystore. Decrypting PKCS #12 can take seconds, because the exporter chooses the iteration count.
    /// </summary>
    public static InspectionResult Inspect(InspectionInput input) => input.Kind switch
    {
        FileKind.BuildCertificate => new InspectionResult(input, ReadCertificates(input.Blob, input.Password), CertificateSha256Fingerprint: null),
        FileKind.AndroidKeystoreFile => new InspectionResult(input, Certificates: [], ReadKeystoreFingerprint(input.Blob, input.Password)),
        _ => new InspectionResult(input, Certificates: [], CertificateSha256Fingerprint: null),
    };

    /// <summary>
    /// Returns the serial and expiry of each certificate with a private key in a PKCS #12 file, in file order,
    /// or an empty list when the file is not PKCS #12 or the password is wrong.
    /// </summary>
    public static IReadOnlyList<CertificateSummary> ReadCertificates(BlobEntry blob, string password)
    {
        var certificates = LoadPkcs12(blob, password);
        if (certificates is null)
        {
            return [];
        }

        try
        {
            var summaries = new List<CertificateSummary>();
            foreach (var certificate in certificates)
            {
                if (certificate.HasPrivateKey)
                {
                    summaries.Add(new CertificateSummary(certificate.SerialNumber, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero)));
                }
            }

            return summaries;
        }
        finally
        {
            Dispose(certificates);
        }
    }

    /// <summary>
    /// Returns the SHA-256 fingerprint (uppercase, colon-separated) of the first certificate with a private key in
    /// a keystore, or <see langword="null"/> when the keystore cannot be read.
    /// </summary>
    /// <remarks>
    /// NOTE: only PKCS #12 keystores are read. A JKS keystore, which .NET cannot parse, gets a null fingerprint
    /// here, where the real API would compute one.
    /// </remarks>
    public static string? ReadKeystoreFingerprint(BlobEntry blob, string password)
    {
        var certificates = LoadPkcs12(blob, password);
        if (certificates is null)
        {
            return null;
        }

        try
        {
            foreach (var certificate in certificates)
            {
                if (certificate.HasPrivateKey)
                {
                    var hex = Convert.ToHexString(SHA256.HashData(certificate.RawData));
                    return string.Join(':', hex.Chunk(2).Select(pair => new string(pair)));
                }
            }

            return null;
        }
        finally
        {
            Dispose(certificates);
        }
    }

    private static X509Certificate2Collection? LoadPkcs12(BlobEntry blob, string password)
    {
        if (blob.Length == 0 || blob.Length > MaxInspectedBytes)
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(blob.Path);
            // macOS rejects ephemeral keys. Elsewhere they keep private keys off the disk.
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            return X509CertificateLoader.LoadPkcs12Collection(bytes, password, flags);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (IOException)
        {
            // A delete or a new upload released the blob meanwhile. The store then discards this result.
            return null;
        }
    }

    private static void Dispose(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}

/// <summary>
/// What an inspection reads: the file's kind, its uploaded bytes and the password that opens them (the certificate
/// password of a build certificate, the store password of a keystore).
/// </summary>
internal sealed record InspectionInput(FileKind Kind, BlobEntry Blob, string Password);

/// <summary>The facts read from <paramref name="Input"/>, which the store applies only while its input is current.</summary>
internal sealed record InspectionResult(InspectionInput Input, IReadOnlyList<CertificateSummary> Certificates, string? CertificateSha256Fingerprint);
