using System;
using System.IO;
using System.Text;

namespace Bitrise.CodeSigning.Cli.Samples;

/// <summary>
/// The demo's sample files, one of each kind, written to one folder. Their passwords and alias are in
/// <see cref="SampleCredentials"/>.
/// </summary>
internal sealed record SampleFileSet(
    string Folder,
    string ProvisioningProfilePath,
    string BuildCertificatePath,
    string AndroidKeystorePath,
    string GenericProjectFilePath)
{
    private const string GenericProjectFileContent = """
        {
          "project_info": {
            "project_id": "bitrise-demo",
            "note": "Sample generic project file written by 'bitrise-codesigning demo'. It holds no real settings."
          }
        }

        """;

    /// <summary>The UUID written to the sample provisioning profile.</summary>
    public Guid ProfileUuid { get; init; }

    /// <summary>Writes a new set of sample files to <paramref name="folder"/>, which must exist.</summary>
    public static SampleFileSet Create(string folder)
    {
        var set = new SampleFileSet(
            folder,
            Path.Combine(folder, "BitriseDemo_AppStore.mobileprovision"),
            Path.Combine(folder, "BitriseDemo_Distribution.p12"),
            Path.Combine(folder, "bitrise-demo-upload.keystore"),
            Path.Combine(folder, "google-services.json"))
        {
            ProfileUuid = Guid.NewGuid(),
        };

        using (var developerCertificate = BuildCertificateSample.CreateCertificate())
        {
            File.WriteAllBytes(set.BuildCertificatePath, BuildCertificateSample.Export(developerCertificate, SampleCredentials.CertificatePassword));
            File.WriteAllBytes(set.ProvisioningProfilePath, ProvisioningProfileSample.Create(set.ProfileUuid, developerCertificate));
        }

        File.WriteAllBytes(
            set.AndroidKeystorePath,
            AndroidKeystoreSample.Create(SampleCredentials.KeystoreAlias, SampleCredentials.KeystorePassword, SampleCredentials.KeyPassword));
        File.WriteAllText(set.GenericProjectFilePath, GenericProjectFileContent, new UTF8Encoding(false));

        return set;
    }
}
