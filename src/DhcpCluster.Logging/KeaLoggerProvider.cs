using System.Collections.Concurrent;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Logging.Outputs;
using DhcpCluster.Logging.Patterns;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Logging;

/// <summary>
/// Kea's <c>loggers</c> as a Microsoft.Extensions.Logging provider. Each category is governed by the most specific
/// configured logger whose category prefix (<see cref="KeaLoggerNames"/>) matches it, and only by that one (its
/// severity, debug level and outputs); a category no logger matches is not logged. Severity maps as FATAL → Critical,
/// ERROR → Error, WARN → Warning, INFO → Information, DEBUG → Debug, plus Trace when <c>debuglevel</c> ≥ 50 (Kea's
/// detail levels). Outputs naming the same destination are shared.
/// </summary>
public sealed class KeaLoggerProvider : ILoggerProvider
{
    /// <summary>The debug level from which Trace messages are logged too.</summary>
    public const int TraceDebugLevel = 50;

    private readonly List<Rule> _rules;
    private readonly List<LogOutput> _outputs = [];
    private readonly ConcurrentDictionary<string, KeaLogger> _loggers = new(StringComparer.Ordinal);
    private readonly KeaLoggingEnvironment _environment;
    private readonly KeaLogger _disabled;

    /// <summary>A provider for the given loggers.</summary>
    /// <exception cref="KeaLoggingConfigurationException">A logger or output cannot be used (the message names it).</exception>
    public KeaLoggerProvider(IReadOnlyList<KeaLoggerSpecification> loggers, KeaLoggingEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        _environment = environment ?? new KeaLoggingEnvironment();
        _disabled = new KeaLogger(string.Empty, LogLevel.None, [], _environment.Time);
        var byDestination = new Dictionary<string, LogOutput>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        _rules = [];
        try
        {
            foreach (var logger in loggers)
            {
                if (string.IsNullOrWhiteSpace(logger.Name))
                {
                    throw new KeaLoggingConfigurationException("loggers: a logger without a name");
                }

                if (!names.Add(logger.Name))
                {
                    throw new KeaLoggingConfigurationException($"loggers: logger '{logger.Name}' is configured twice");
                }

                if (logger.DebugLevel is < 0 or > 99)
                {
                    throw new KeaLoggingConfigurationException($"loggers: logger '{logger.Name}': debuglevel {logger.DebugLevel} is outside 0-99");
                }

                var options = logger.OutputOptions.Count == 0 ? [new KeaOutputOptions("stdout")] : logger.OutputOptions;
                var outputs = options.Select(o => Output(logger.Name, o, byDestination)).ToArray();
                _rules.Add(new Rule(KeaLoggerNames.CategoryPrefix(logger.Name), Minimum(logger), outputs));
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        _rules.Sort(static (a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
    }

    /// <summary>Kea's default when no loggers are configured: <c>kea-dhcp4</c> at INFO to stdout.</summary>
    public static IReadOnlyList<KeaLoggerSpecification> DefaultLoggers { get; } =
        [new KeaLoggerSpecification(KeaLoggerNames.Root, KeaSeverity.Info, 0, [new KeaOutputOptions("stdout")])];

    /// <summary>The outputs in use (tests look at syslog drops and file paths).</summary>
    public IReadOnlyList<LogOutput> Outputs => _outputs;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return _loggers.GetOrAdd(categoryName, static (category, self) => self.Create(category), this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var output in _outputs)
        {
            output.Dispose();
        }

        _outputs.Clear();
    }

    private KeaLogger Create(string category)
    {
        foreach (var rule in _rules)
        {
            if (KeaLoggerNames.Matches(category, rule.Prefix))
            {
                return new KeaLogger(KeaLoggerNames.DisplayName(category), rule.Minimum, rule.Outputs, _environment.Time);
            }
        }

        return _disabled;
    }

    private static LogLevel Minimum(KeaLoggerSpecification logger) => logger.Severity switch
    {
        KeaSeverity.Fatal => LogLevel.Critical,
        KeaSeverity.Error => LogLevel.Error,
        KeaSeverity.Warn => LogLevel.Warning,
        KeaSeverity.Info => LogLevel.Information,
        KeaSeverity.None => LogLevel.None,
        _ => logger.DebugLevel >= TraceDebugLevel ? LogLevel.Trace : LogLevel.Debug,
    };

    private LogOutput Output(string loggerName, KeaOutputOptions options, Dictionary<string, LogOutput> byDestination)
    {
        var destination = options.Output;
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new KeaLoggingConfigurationException($"loggers: logger '{loggerName}': an output_options element without 'output'");
        }

        if (options.MaxSize < 0 || options.MaxVersions < 0)
        {
            throw new KeaLoggingConfigurationException($"loggers: logger '{loggerName}': output '{destination}': maxsize and maxver must not be negative");
        }

        var isSyslog = string.Equals(destination, "syslog", StringComparison.Ordinal) || destination.StartsWith("syslog:", StringComparison.Ordinal);
        LogPattern pattern;
        try
        {
            pattern = LogPattern.Compile(options.Pattern ?? (isSyslog ? LogPattern.DefaultSyslogPattern : LogPattern.DefaultPattern), _environment.HostName);
        }
        catch (KeaLoggingConfigurationException e)
        {
            throw new KeaLoggingConfigurationException($"loggers: logger '{loggerName}': output '{destination}': {e.Message}", e);
        }

        var key = destination + "\n" + pattern.Text;
        if (byDestination.TryGetValue(key, out var shared))
        {
            return shared;
        }

        LogOutput output = destination switch
        {
            "stdout" => new ConsoleLogOutput(_environment.StandardOutput, pattern, options.Flush),
            "stderr" => new ConsoleLogOutput(_environment.StandardError, pattern, options.Flush),
            _ when isSyslog => new SyslogLogOutput(
                _environment.SyslogSocketPath,
                SyslogLogOutput.Facility(destination.Length > "syslog:".Length ? destination["syslog:".Length..] : "user"),
                _environment.ApplicationName,
                _environment.HostName,
                _environment.SyslogFormat,
                pattern),
            _ => OpenFile(loggerName, destination, options, pattern),
        };
        byDestination[key] = output;
        _outputs.Add(output);
        return output;
    }

    private FileLogOutput OpenFile(string loggerName, string destination, KeaOutputOptions options, LogPattern pattern)
    {
        var path = _environment.BaseDirectory is null ? destination : Path.Combine(_environment.BaseDirectory, destination);
        try
        {
            return new FileLogOutput(path, options.MaxSize, options.MaxVersions, options.Flush, pattern);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeaLoggingConfigurationException($"loggers: logger '{loggerName}': cannot open log file {path}: {e.Message}", e);
        }
    }

    private sealed record Rule(string Prefix, LogLevel Minimum, LogOutput[] Outputs);
}
