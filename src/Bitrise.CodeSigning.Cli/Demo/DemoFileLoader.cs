using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning;
using Bitrise.CodeSigning.Cli.FileKindDetection;
using Bitrise.CodeSigning.Emulator;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Turns the paths of <c>demo --files</c> into <see cref="DemoFile"/>s: checks that each is a regular file, detects its
/// kind and checks the passwords and alias it needs, so that every input problem is reported before the first request.
/// Only files of at most <see cref="FileContentSniffer.MaxInspectedBytes"/> are read, and no bytes are kept after the checks.
/// </summary>
internal static class DemoFileLoader
{
    // The demo runs the emulator with its default options, so this is the limit its create operation enforces.
    private static readonly long EmulatorMaxUploadBytes = new BitriseEmulatorOptions().MaxUploadBytes;

    /// <summary>Returns one <see cref="DemoFile"/> per path in <paramref name="options"/>, in order.</summary>
    /// <exception cref="InvalidInputException">
    /// A file is missing, not a regular file, unreadable, empty or too large, or its password or alias is wrong.
    /// </exception>
    public static IReadOnlyList<DemoFile> Load(DemoInputOptions options)
    {
        var files = new List<DemoFile>();
        foreach (var path in options.Files)
        {
            var input = InputFileReader.Read(path, EmulatorMaxUploadBytes);
            var format = input.Content is { } content ? FileContentSniffer.Sniff(content) : FileContentFormat.TooLargeToInspect;
            var kind = FileKindDetector.Detect(path, format, options.Kind);

            // The detector rejects a file too large to inspect for every signing kind, so those have content here.
            var file = new DemoFile(path, kind, input.Length);
            files.Add(kind switch
            {
                CodeSigningFileKind.BuildCertificate => CheckBuildCertificate(file, input.Content!, options),
                CodeSigningFileKind.AndroidKeystoreFile =>
                    file with { KeystoreCredentials = KeystoreCredentialResolver.Resolve(file, format, input.Content!, options) },
                _ => file,
            });
        }

        return UserEnvKeys.Assign(files, options.EnvKey);
    }

    private static DemoFile CheckBuildCertificate(DemoFile file, byte[] content, DemoInputOptions options)
    {
        if (!Pkcs12Inspector.IsPasswordCorrect(content, options.CertificatePassword))
        {
            throw new InvalidInputException(options.CertificatePassword.Length == 0
                ? $"The build certificate '{file.Path}' is password-protected. Pass its password as --certificate-password."
                : $"The password given as --certificate-password does not open the build certificate '{file.Path}' (the PKCS#12 integrity check failed). Pass the password the certificate was exported with.");
        }

        if (Pkcs12Inspector.ReadKeyEntries(content, options.CertificatePassword).Count == 0)
        {
            throw new InvalidInputException(
                $"The build certificate '{file.Path}' contains no private key, so it cannot sign. Export the certificate together with its private key.");
        }

        return file with { CertificatePassword = options.CertificatePassword };
    }
}
