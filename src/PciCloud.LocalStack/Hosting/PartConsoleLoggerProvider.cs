using Microsoft.Extensions.Logging;

namespace PciCloud.LocalStack.Hosting;

/// <summary>
/// Console logging for one part of the stack: every line names the part ("[uk-region]") so the
/// interleaved output of seven services in one process stays readable. Writes to stdout.
/// </summary>
internal sealed class PartConsoleLoggerProvider(string part) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PartLogger(part, categoryName);

    public void Dispose()
    {
    }

    private sealed class PartLogger(string part, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {Level(logLevel)} [{part}] {category}: {message}";
            if (exception is not null)
            {
                line += Environment.NewLine + "    " + exception.GetType().Name + ": " + exception.Message;
            }
            Console.Out.WriteLine(line);
        }

        private static string Level(LogLevel level) => level switch
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
