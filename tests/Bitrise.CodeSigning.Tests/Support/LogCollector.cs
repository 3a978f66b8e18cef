using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Tests.Support;

/// <summary>Keeps every formatted log message and exception text, so tests can check that no secret is logged.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(this);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => collector.Messages.Enqueue($"{eventId.Id} {formatter(state, exception)} {exception}");
    }
}
