using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bitrise.CodeSigning.Emulator.Hosting;

/// <summary>
/// The logger factory of the emulator's web servers: it passes their warnings and errors to the caller's factory
/// and drops the rest. ASP.NET Core's request logs are dropped entirely, because they contain the full URL and so
/// the signature of every presigned URL.
/// </summary>
internal sealed class ServerLoggerFactory : ILoggerFactory
{
    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly ILoggerFactory _inner;

    public ServerLoggerFactory(ILoggerFactory inner)
    {
        _inner = inner;
    }

    public ILogger CreateLogger(string categoryName)
    {
        if (categoryName.StartsWith(RequestLogCategory, StringComparison.Ordinal))
        {
            return NullLogger.Instance;
        }

        return new WarningLogger(_inner.CreateLogger(categoryName));
    }

    /// <summary>Does nothing: the caller configures the providers of its own factory.</summary>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <summary>Does nothing: the caller owns the inner factory and disposes it.</summary>
    public void Dispose()
    {
    }

    private sealed class WarningLogger : ILogger
    {
        private readonly ILogger _inner;

        public WarningLogger(ILogger inner)
        {
            _inner = inner;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && _inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
