using Bitrise.CodeSigning.Cli.Demo;

namespace Bitrise.CodeSigning.Cli.Commands;

/// <summary>The parsed command line of <c>demo</c>.</summary>
/// <param name="Inputs">The user's files and their options, or <see langword="null"/> to generate sample files.</param>
/// <param name="Verbose">Whether to write library and emulator logs to standard error.</param>
/// <param name="KeepSamples">Whether to keep the folder of generated sample files instead of deleting it.</param>
internal sealed record DemoSettings(DemoInputOptions? Inputs, bool Verbose, bool KeepSamples);
