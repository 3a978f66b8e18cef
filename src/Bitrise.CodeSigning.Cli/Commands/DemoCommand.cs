using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Demo;
using Bitrise.CodeSigning.Cli.Logging;
using Bitrise.CodeSigning.Cli.Samples;
using Bitrise.CodeSigning.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>
/// Runs the demo: prepares the files, starts the emulator in this process, configures the library against it and
/// runs every step for each file.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Runs the demo and returns the exit code.</summary>
    /// <exception cref="InvalidInputException">An input file cannot be used. Nothing was sent.</exception>
    public static async Task<int> RunAsync(DemoSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (settings.Inputs is { } inputs)
        {
            var files = DemoFileLoader.Load(inputs);
            return await RunAgainstEmulatorAsync(files, inputs, settings.Verbose, output, error, cancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("bitrise-codesigning-demo-").FullName;
        try
        {
            var sampleInputs = DemoCommandDefinition.SampleInputs(SampleFileSet.Create(folder));
            output.WriteLine(settings.KeepSamples
                ? $"Sample files: {folder} (kept)"
                : $"Sample files: {folder} (deleted at the end, pass --keep-samples to keep them)");

            var files = DemoFileLoader.Load(sampleInputs);
            return await RunAgainstEmulatorAsync(files, sampleInputs, settings.Verbose, output, error, cancellationToken);
        }
        finally
        {
            if (!settings.KeepSamples)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<int> RunAgainstEmulatorAsync(
        IReadOnlyList<DemoFile> files, DemoInputOptions inputs, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggerFactory = CliLogging.CreateFactory(verbose, error);
        var emulatorOptions = new BitriseEmulatorOptions { LoggerFactory = loggerFactory };
        await using var emulator = await BitriseEmulator.StartAsync(emulatorOptions, cancellationToken);
        await using var services = CodeSigningServices.Build(emulator.ApiBaseAddress, emulator.AccessToken, loggerFactory);

        var appSlug = emulatorOptions.AppSlugs[0];
        output.WriteLine($"Emulator: API {emulator.ApiBaseAddress}, storage {emulator.StorageBaseAddress} (in this process, loopback only)");
        output.WriteLine($"App: {appSlug}");
        output.WriteLine();

        var redactor = new SecretRedactor();
        redactor.Add(emulator.AccessToken);
        redactor.Add(inputs.CertificatePassword);
        redactor.Add(inputs.KeystorePassword);
        redactor.Add(inputs.KeyPassword);

        var reporter = new DemoReporter(output);
        var operations = new CodeSigningFileOperations(services.GetRequiredService<ICodeSigningFiles>(), appSlug);
        reporter.WriteHeader();
        await new DemoRunner(operations, reporter, redactor).RunAsync(files, cancellationToken);
        reporter.WriteSummary();

        return reporter.AnyFailed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
