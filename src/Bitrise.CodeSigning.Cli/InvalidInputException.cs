using System;

namespace Bitrise.CodeSigning.Cli;

/// <summary>
/// An argument, option value or input file that the tool cannot use. The message names the value and states the
/// fix. The tool prints it without a stack trace and exits with <see cref="ExitCodes.InvalidInput"/>.
/// </summary>
internal sealed class InvalidInputException(string message) : Exception(message);
