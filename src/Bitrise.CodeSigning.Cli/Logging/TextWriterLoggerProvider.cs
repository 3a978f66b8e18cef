using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Cli.Logging;

/// <summary>
/// Writes log entries as single lines (<c>level category[event id]: message</c>) to a <see cref="TextWriter"/>,
/// standard error for the tool, so that <c>--verbose</c> output never mixes with the results on standard output
/// and tests can read it.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly object _lock = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class TextWriterLogger(TextWriterLoggerProvider provider, string categoryName) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{ShortName(logLevel)} {categoryName}[{eventId.Id}]: {formatter(state, exception)}";

            // Only the exception's type and message: a stack trace helps no user of a command-line tool.
            if (exception is not null)
            {
                line += $" ({exception.GetType().Name}: {exception.Message})";
            }

            provider.Write(line);
        }

        private static string ShortName(LogLevel logLevel) => logLevel switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
