using System;
using System.Threading;
using Bitrise.CodeSigning.Cli;

return await CliApplication.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
