using System.Collections.Generic;
using Bitrise.CodeSigning;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>The values of <c>demo --files</c> and its password options, as given on the command line.</summary>
internal sealed record DemoInputOptions(IReadOnlyList<string> Files)
{
    /// <summary>The kind every file is uploaded as, or <see langword="null"/> to detect each file's kind.</summary>
    public CodeSigningFileKind? Kind { get; init; }

    /// <summary>The password of every build certificate, empty when they have none.</summary>
    public string CertificatePassword { get; init; } = "";

    /// <summary>The store password of every Android keystore.</summary>
    public string? KeystorePassword { get; init; }

    /// <summary>The key password of every Android keystore, or <see langword="null"/> for the store password.</summary>
    public string? KeyPassword { get; init; }

    /// <summary>The alias of the key entry, or <see langword="null"/> for the keystore's only key entry.</summary>
    public string? KeystoreAlias { get; init; }

    /// <summary>The environment variable name of the generic project file, or <see langword="null"/> to derive it from the file name.</summary>
    public string? EnvKey { get; init; }
}
