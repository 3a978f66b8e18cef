using System.CommandLine;
using System.IO;
using System.Linq;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Cli.Samples;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>The options of the <c>demo</c> command and how they become <see cref="DemoSettings"/>.</summary>
internal sealed class DemoCommandDefinition
{
    private readonly Option<string[]> _files = new("--files")
    {
        Description = "Uploads these files instead of generated samples. The kind of each file is detected from its content: "
            + "a CMS-signed property list is a provisioning profile, PKCS#12 is a build certificate (an Android keystore "
            + "when the extension is .keystore or .jks), a JKS file is an Android keystore, anything else is a generic project file.",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
        HelpName = "PATH",
    };

    private readonly Option<string> _kind = new("--kind")
    {
        Description = $"Sets the kind every file of --files is uploaded as, instead of detecting it: {string.Join(", ", FileKindNames.OptionValues)}.",
        DefaultValueFactory = _ => FileKindNames.Auto,
        HelpName = "KIND",
    };

    private readonly Option<string> _certificatePassword = new("--certificate-password")
    {
        Description = "Sets the password of the build certificates (.p12) in --files. The tool checks it before uploading and then "
            + "stores it with the certificate, as Bitrise needs it to install the certificate. Default: empty.",
        DefaultValueFactory = _ => "",
        HelpName = "PASSWORD",
    };

    private readonly Option<string?> _keystorePassword = new("--keystore-password")
    {
        Description = "Sets the store password of the Android keystores in --files (keytool -storepass). Required for keystores.",
        HelpName = "PASSWORD",
    };

    private readonly Option<string?> _keyPassword = new("--key-password")
    {
        Description = "Sets the password of the key entry in the Android keystores (keytool -keypass). Default: the keystore password.",
        HelpName = "PASSWORD",
    };

    private readonly Option<string?> _keystoreAlias = new("--keystore-alias")
    {
        Description = "Sets the alias of the key entry in the Android keystores. Default: the keystore's only key entry.",
        HelpName = "ALIAS",
    };

    private readonly Option<string?> _envKey = new("--env-key")
    {
        Description = "Sets the environment variable a generic project file is exposed as in builds (user_env_key). "
            + "Default: the file name in upper case with other characters replaced by '_', such as GOOGLE_SERVICES_JSON.",
        HelpName = "NAME",
    };

    private readonly Option<bool> _keepSamples = new("--keep-samples")
    {
        Description = "Keeps the folder of generated sample files and prints its path, instead of deleting it at the end.",
    };

    public DemoCommandDefinition()
    {
        _kind.AcceptOnlyFromAmong([.. FileKindNames.OptionValues]);
    }

    /// <summary>Creates the <c>demo</c> command with every option.</summary>
    public Command CreateCommand()
    {
        var command = new Command(
            "demo",
            "Starts the emulator in this process and runs upload, list, show, download (with a byte comparison) and delete "
            + "for a sample file of each kind, or for the files given with --files. Before the delete, it protects each file that "
            + "has an update operation (all kinds but Android keystores) and checks that the client rejects unprotecting it. "
            + "Prints each step and a summary, and exits with 1 when a step fails and 2 when the command line or an input file is invalid.");

        foreach (var option in new Option[] { _files, _kind, _certificatePassword, _keystorePassword, _keyPassword, _keystoreAlias, _envKey, _keepSamples })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>Reads the demo's settings from <paramref name="parseResult"/>.</summary>
    /// <exception cref="InvalidInputException">An option is given that needs --files, or --kind is unknown.</exception>
    public DemoSettings ReadSettings(ParseResult parseResult, GlobalOptions globalOptions)
    {
        var verbose = parseResult.GetValue(globalOptions.Verbose);
        var keepSamples = parseResult.GetValue(_keepSamples);
        var files = parseResult.GetValue(_files);

        if (files is null || files.Length == 0)
        {
            var fileOption = new Option[] { _kind, _certificatePassword, _keystorePassword, _keyPassword, _keystoreAlias, _envKey }
                .FirstOrDefault(option => parseResult.GetResult(option) is { Implicit: false });
            if (fileOption is not null)
            {
                throw new InvalidInputException($"{fileOption.Name} applies only to the files of --files. Pass --files PATH… as well, or leave {fileOption.Name} out.");
            }

            return new DemoSettings(null, verbose, keepSamples);
        }

        var inputs = new DemoInputOptions(files)
        {
            Kind = FileKindNames.ParseOptionValue(parseResult.GetValue(_kind) ?? FileKindNames.Auto),
            CertificatePassword = parseResult.GetValue(_certificatePassword) ?? "",
            KeystorePassword = parseResult.GetValue(_keystorePassword),
            KeyPassword = parseResult.GetValue(_keyPassword),
            KeystoreAlias = parseResult.GetValue(_keystoreAlias),
            EnvKey = parseResult.GetValue(_envKey),
        };
        return new DemoSettings(inputs, verbose, keepSamples);
    }

    /// <summary>Returns the options that load the generated samples in <paramref name="samples"/> like user files.</summary>
    public static DemoInputOptions SampleInputs(SampleFileSet samples) => new(
        [samples.ProvisioningProfilePath, samples.BuildCertificatePath, samples.AndroidKeystorePath, samples.GenericProjectFilePath])
    {
        CertificatePassword = SampleCredentials.CertificatePassword,
        KeystorePassword = SampleCredentials.KeystorePassword,
        KeyPassword = SampleCredentials.KeyPassword,
        KeystoreAlias = SampleCredentials.KeystoreAlias,
    };
}
