using System;
using System.Collections.Generic;

namespace Bitrise.CodeSigning.Emulator.State;

/// <summary>The four kinds of code-signing file that the Bitrise API stores per app.</summary>
internal enum FileKind
{
    ProvisioningProfile,
    BuildCertificate,
    GenericProjectFile,
    AndroidKeystoreFile,
}

/// <summary>Names and abilities of each <see cref="FileKind"/>.</summary>
internal static class FileKinds
{
    public static IReadOnlyList<FileKind> All { get; } =
    [
        FileKind.ProvisioningProfile,
        FileKind.BuildCertificate,
        FileKind.GenericProjectFile,
        FileKind.AndroidKeystoreFile,
    ];

    /// <summary>Returns the URL path segment of a kind, as in <c>/v0.1/apps/{app-slug}/build-certificates</c>.</summary>
    public static string PathSegment(this FileKind kind) => kind switch
    {
        FileKind.ProvisioningProfile => "provisioning-profiles",
        FileKind.BuildCertificate => "build-certificates",
        FileKind.GenericProjectFile => "generic-project-files",
        FileKind.AndroidKeystoreFile => "android-keystore-files",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Returns the noun that error messages use for a file of this kind.</summary>
    public static string DisplayName(this FileKind kind) => kind switch
    {
        FileKind.ProvisioningProfile => "Provisioning profile",
        FileKind.BuildCertificate => "Build certificate",
        FileKind.GenericProjectFile => "Generic project file",
        FileKind.AndroidKeystoreFile => "Android keystore file",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether the API has a PATCH operation for this kind. Android keystore files have none.</summary>
    public static bool SupportsUpdate(this FileKind kind) => kind != FileKind.AndroidKeystoreFile;

    /// <summary>Finds the kind whose <see cref="PathSegment"/> equals <paramref name="segment"/>.</summary>
    public static bool TryParsePathSegment(string segment, out FileKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.PathSegment(), segment, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
