using System;
using System.Collections.Generic;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli;

/// <summary>The names of the code-signing file kinds on the command line and in the output.</summary>
internal static class FileKindNames
{
    /// <summary>The <c>--kind</c> value that lets the tool detect the kind from each file.</summary>
    public const string Auto = "auto";

    /// <summary>Every value <c>--kind</c> accepts.</summary>
    public static IReadOnlyList<string> OptionValues { get; } =
    [
        Auto,
        ToName(CodeSigningFileKind.ProvisioningProfile),
        ToName(CodeSigningFileKind.BuildCertificate),
        ToName(CodeSigningFileKind.GenericProjectFile),
        ToName(CodeSigningFileKind.AndroidKeystoreFile),
    ];

    /// <summary>Returns the kebab-case name of <paramref name="kind"/>, such as <c>build-certificate</c>.</summary>
    public static string ToName(CodeSigningFileKind kind) => kind switch
    {
        CodeSigningFileKind.ProvisioningProfile => "provisioning-profile",
        CodeSigningFileKind.BuildCertificate => "build-certificate",
        CodeSigningFileKind.GenericProjectFile => "generic-project-file",
        CodeSigningFileKind.AndroidKeystoreFile => "android-keystore",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown code-signing file kind."),
    };

    /// <summary>Returns the kind named <paramref name="name"/>, or <see langword="null"/> for <see cref="Auto"/>.</summary>
    /// <exception cref="InvalidInputException"><paramref name="name"/> is not one of <see cref="OptionValues"/>.</exception>
    public static CodeSigningFileKind? ParseOptionValue(string name)
    {
        foreach (var kind in Enum.GetValues<CodeSigningFileKind>())
        {
            if (string.Equals(ToName(kind), name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        if (string.Equals(name, Auto, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        throw new InvalidInputException($"'{name}' is not a file kind. Pass --kind with one of: {string.Join(", ", OptionValues)}.");
    }
}
