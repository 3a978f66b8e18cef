using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Cli.Commands;

namespace Bitrise.CodeSigning.Cli;

/// <summary>
/// The command line of <c>bitrise-codesigning</c>: parses the arguments, runs the command and turns every outcome
/// into an exit code from <see cref="ExitCodes"/>. Output goes to the given writers, so tests run it in process.
/// </summary>
internal static class CliApplication
{
    /// <summary>The executable's name, as the help text shows it.</summary>
    public const string Name = "bitrise-codesigning";

    /// <summary>Runs the command that <paramref name="args"/> names and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rootCommand = CreateRootCommand(output, error);
        var parseResult = rootCommand.Parse(args);

        if (parseResult.Errors.Count > 0)
        {
            foreach (var message in ErrorMessages(parseResult, rootCommand))
            {
                await error.WriteLineAsync($"error: {message}");
            }

            var helpCommand = string.Join(' ', [Name, .. CommandPath(parseResult), "--help"]);
            await error.WriteLineAsync($"Run '{helpCommand}' to see the commands and options.");
            return ExitCodes.InvalidInput;
        }

        // The commands catch their own failures, because the default handler would print a stack trace.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Creates the root command with the <c>demo</c> and <c>emulator</c> commands.</summary>
    public static RootCommand CreateRootCommand(TextWriter output, TextWriter error)
    {
        var globalOptions = new GlobalOptions();
        var demo = new DemoCommandDefinition();
        var emulator = new EmulatorCommand();

        var demoCommand = demo.CreateCommand();
        demoCommand.SetAction((parseResult, cancellationToken) => CommandActions.RunAsync(
            () => DemoCommand.RunAsync(demo.ReadSettings(parseResult, globalOptions), output, error, cancellationToken),
            error,
            cancellationToken));

        var emulatorCommand = emulator.CreateCommand();
        emulatorCommand.SetAction((parseResult, cancellationToken) => CommandActions.RunAsync(
            () => EmulatorCommand.RunAsync(emulator.ReadAppSlugs(parseResult), parseResult.GetValue(globalOptions.Verbose), output, error, cancellationToken),
            error,
            cancellationToken));

        var rootCommand = new RootCommand(
            "Uploads, lists, shows, downloads and deletes Bitrise code-signing files (provisioning profiles, build certificates, "
            + "generic project files and Android keystores) against a local emulator of the Bitrise API.");
        rootCommand.Options.Add(globalOptions.Verbose);
        rootCommand.Subcommands.Add(demoCommand);
        rootCommand.Subcommands.Add(emulatorCommand);
        return rootCommand;
    }

    /// <summary>
    /// Returns the errors to print. A first argument that names no command gives one error that lists the
    /// commands, in place of the parser's "Required command was not provided" and "Unrecognized command or argument".
    /// </summary>
    private static IEnumerable<string> ErrorMessages(ParseResult parseResult, RootCommand rootCommand)
    {
        var unknownCommand = parseResult.CommandResult.Command == rootCommand
            ? parseResult.UnmatchedTokens.FirstOrDefault(token => !token.StartsWith('-'))
            : null;
        if (unknownCommand is null)
        {
            return parseResult.Errors.Select(parseError => parseError.Message);
        }

        var commands = rootCommand.Subcommands.Select(command => command.Name).ToList();
        var choices = string.Join(", ", commands.Take(commands.Count - 1)) + " or " + commands[^1];
        return [$"'{unknownCommand}' is not a command of {Name}. Use {choices}."];
    }

    private static string[] CommandPath(ParseResult parseResult)
    {
        var path = new List<string>();
        for (var result = parseResult.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        return [.. path];
    }
}
