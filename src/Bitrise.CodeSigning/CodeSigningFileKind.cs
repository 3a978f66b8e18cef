namespace Bitrise.CodeSigning;

/// <summary>The kinds of code-signing file that the Bitrise API stores for an app.</summary>
public enum CodeSigningFileKind
{
    /// <summary>An iOS provisioning profile (<c>.mobileprovision</c>), under <c>/apps/{app-slug}/provisioning-profiles</c>.</summary>
    ProvisioningProfile,

    /// <summary>An iOS build certificate (<c>.p12</c>), under <c>/apps/{app-slug}/build-certificates</c>.</summary>
    BuildCertificate,

    /// <summary>A generic project file exposed to builds as an environment variable, under <c>/apps/{app-slug}/generic-project-files</c>.</summary>
    GenericProjectFile,

    /// <summary>An Android keystore file, under <c>/apps/{app-slug}/android-keystore-files</c>.</summary>
    AndroidKeystoreFile,
}
