using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning;
using Bitrise.CodeSigning.Cli.FileKindDetection;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>
/// Turns the paths of <c>demo --files</c> into <see cref="DemoFile"/>s: reads each file, detects its kind and checks
/// the passwords and alias it needs, so that every input problem is reported before the first request.
/// </summary>
internal static class DemoFileLoader
{
    /// <summary>Returns one <see cref="DemoFile"/> per path in <paramref name="options"/>, in order.</summary>
    /// <exception cref="InvalidInputException">A file is missing, unreadable, empty, or its password or alias is wrong.</exception>
    public static IReadOnlyList<DemoFile> Load(DemoInputOptions options)
    {
        var files = new List<DemoFile>();
        foreach (var path in options.Files)
        {
            var content = ReadFile(path);
            var format = FileContentSniffer.Sniff(content);
            var kind = FileKindDetector.Detect(path, format, options.Kind);

            var file = new DemoFile(path, kind, content);
            files.Add(kind switch
            {
                CodeSigningFileKind.BuildCertificate => CheckBuildCertificate(file, options),
                CodeSigningFileKind.AndroidKeystoreFile => file with { KeystoreCredentials = KeystoreCredentialResolver.Resolve(file, format, options) },
                _ => file,
            });
        }

        return UserEnvKeys.Assign(files, options.EnvKey);
    }

    private static byte[] ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"'{path}' is a folder. Pass the files in it to --files, one path each.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The file '{path}' does not exist. Check the path passed to --files.");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"The file '{path}' cannot be read: {exception.Message} Check that it exists and that you may read it.");
        }
    }

    private static DemoFile CheckBuildCertificate(DemoFile file, DemoInputOptions options)
    {
        if (!Pkcs12Inspector.IsPasswordCorrect(file.Content, options.CertificatePassword))
        {
            throw new InvalidInputException(options.CertificatePassword.Length == 0
                ? $"The build certificate '{file.Path}' is password-protected. Pass its password as --certificate-password."
                : $"The password given as --certificate-password does not open the build certificate '{file.Path}' (the PKCS#12 integrity check failed). Pass the password the certificate was exported with.");
        }

        if (Pkcs12Inspector.ReadKeyEntries(file.Content, options.CertificatePassword).Count == 0)
        {
            throw new InvalidInputException(
                $"The build certificate '{file.Path}' contains no private key, so it cannot sign. Export the certificate together with its private key.");
        }

        return file with { CertificatePassword = options.CertificatePassword };
    }
}
