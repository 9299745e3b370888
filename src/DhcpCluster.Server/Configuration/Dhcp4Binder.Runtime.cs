using System.Globalization;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Hocon.Values;
using DhcpCluster.Server.Configuration.KeaLeaseCsv;

namespace DhcpCluster.Server.Configuration;

internal sealed partial class Dhcp4Binder
{
    private static readonly Dictionary<string, DhcpSocketType> SocketTypes = new(StringComparer.Ordinal)
    {
        ["raw"] = DhcpSocketType.Raw,
        ["udp"] = DhcpSocketType.Udp,
    };

    private static readonly Dictionary<string, LeaseDatabaseType> DatabaseTypes = new(StringComparer.Ordinal)
    {
        ["memfile"] = LeaseDatabaseType.Memfile,
        ["sqlite"] = LeaseDatabaseType.Sqlite,
        ["postgresql"] = LeaseDatabaseType.PostgreSql,
    };

    private static readonly Dictionary<string, OnFailAction> OnFailActions = new(StringComparer.Ordinal)
    {
        ["stop-retry-exit"] = OnFailAction.StopRetryExit,
        ["serve-retry-exit"] = OnFailAction.ServeRetryExit,
        ["serve-retry-continue"] = OnFailAction.ServeRetryContinue,
    };

    private static readonly Dictionary<string, LogSeverity> Severities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DEBUG"] = LogSeverity.Debug,
        ["INFO"] = LogSeverity.Info,
        ["WARN"] = LogSeverity.Warn,
        ["ERROR"] = LogSeverity.Error,
        ["FATAL"] = LogSeverity.Fatal,
        ["NONE"] = LogSeverity.None,
    };

    private InterfacesConfiguration BindInterfaces(Config dhcp4)
    {
        var config = dhcp4;
        var selections = new List<InterfaceSelection>();
        var names = reader.StringList(config, Dhcp4ConfigKeys.InterfacesConfigInterfaces);
        if (names is null || names.Count == 0)
        {
            if (names is not null || !config.HasPath(Dhcp4ConfigKeys.InterfacesConfigInterfaces))
            {
                reader.Warning(config, Dhcp4ConfigKeys.InterfacesConfigInterfaces, "no interface listed: the server listens on no interface");
            }
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                if (!InterfaceSelection.TryParse(names[i], out var selection, out var error))
                {
                    ElementError(config, Dhcp4ConfigKeys.InterfacesConfigInterfaces, i, error!);
                }
                else if (!seen.Add(selection!.ToString()))
                {
                    ElementError(config, Dhcp4ConfigKeys.InterfacesConfigInterfaces, i, $"'{names[i]}' is listed twice");
                }
                else
                {
                    selections.Add(selection);
                }
            }
        }

        var retryWait = reader.Duration(config, Dhcp4ConfigKeys.InterfacesConfigServiceSocketsRetryWaitTime);
        if (retryWait is { } wait && wait <= TimeSpan.Zero)
        {
            reader.Error(config, Dhcp4ConfigKeys.InterfacesConfigServiceSocketsRetryWaitTime, "must be positive");
        }

        return new InterfacesConfiguration
        {
            Interfaces = selections,
            SocketType = reader.Choice(config, Dhcp4ConfigKeys.InterfacesConfigDhcpSocketType, SocketTypes) ?? DhcpSocketType.Raw,
            RequireAll = reader.Boolean(config, Dhcp4ConfigKeys.InterfacesConfigServiceSocketsRequireAll) ?? false,
            MaxRetries = reader.Count(config, Dhcp4ConfigKeys.InterfacesConfigServiceSocketsMaxRetries),
            RetryWaitTime = retryWait ?? InterfacesConfiguration.DefaultRetryWaitTime,
        };
    }

    /// <summary>An error about one element of a string list: its own line and <c>key[i]</c> path.</summary>
    private void ElementError(Config config, ConfigKey listKey, int index, string problem)
    {
        var located = config.ErrorAt(listKey, problem);
        var origin = config.GetValue(listKey) is ConfigArray array && index < array.Count ? array.Items[index].Origin : located.Origin;
        reader.Add(new ConfigurationProblem(ConfigurationProblemSeverity.Error, origin, string.Create(CultureInfo.InvariantCulture, $"{located.Path}[{index}]"), problem));
    }

    private LeaseDatabaseConfiguration BindLeaseDatabase(Config dhcp4)
    {
        var config = dhcp4;
        var type = DatabaseType(config);
        var name = reader.String(config, Dhcp4ConfigKeys.LeaseDatabaseName);
        var port = reader.Int(config, Dhcp4ConfigKeys.LeaseDatabasePort);
        if (port is < 1 or > 65535)
        {
            reader.Error(config, Dhcp4ConfigKeys.LeaseDatabasePort, $"{port} is out of range: expected 1 to 65535");
        }

        var lfc = reader.Long(config, Dhcp4ConfigKeys.LeaseDatabaseLfcInterval);
        if (lfc is < 0)
        {
            reader.Error(config, Dhcp4ConfigKeys.LeaseDatabaseLfcInterval, $"{lfc} is negative: expected seconds, 0 for none");
        }

        var reconnectWait = reader.Duration(config, Dhcp4ConfigKeys.LeaseDatabaseReconnectWaitTime);
        var reconnect = new ReconnectSettings(
            reader.Count(config, Dhcp4ConfigKeys.LeaseDatabaseMaxReconnectTries) ?? 0,
            reconnectWait ?? TimeSpan.Zero,
            reader.Choice(config, Dhcp4ConfigKeys.LeaseDatabaseOnFail, OnFailActions) ?? OnFailAction.StopRetryExit,
            reader.Boolean(config, Dhcp4ConfigKeys.LeaseDatabaseRetryOnStartup) ?? false);
        var persist = reader.Boolean(config, Dhcp4ConfigKeys.LeaseDatabasePersist) ?? true;
        var resolvedType = type ?? LeaseDatabaseType.Memfile;
        if (resolvedType == LeaseDatabaseType.PostgreSql && name is null)
        {
            reader.Error(config, Dhcp4ConfigKeys.LeaseDatabaseName, "missing: a postgresql lease database needs the database name");
        }

        string? import = null;
        if (resolvedType == LeaseDatabaseType.Memfile && persist && name is not null && File.Exists(name))
        {
            import = name;
            CheckLeaseFile(config, name);
        }

        return new LeaseDatabaseConfiguration
        {
            Type = resolvedType,
            Name = name,
            Host = reader.String(config, Dhcp4ConfigKeys.LeaseDatabaseHost),
            Port = port,
            User = reader.String(config, Dhcp4ConfigKeys.LeaseDatabaseUser),
            Password = reader.String(config, Dhcp4ConfigKeys.LeaseDatabasePassword),
            Persist = persist,
            LfcInterval = lfc ?? 3600,
            Reconnect = reconnect,
            ImportFile = import,
        };
    }

    private LeaseDatabaseType? DatabaseType(Config config)
    {
        var typeName = reader.String(config, Dhcp4ConfigKeys.LeaseDatabaseType);
        if (typeName is null)
        {
            return null;
        }

        if (DatabaseTypes.TryGetValue(typeName, out var known))
        {
            return known;
        }

        var hint = string.Equals(typeName, "mysql", StringComparison.Ordinal) ? " (Kea's mysql backend is not supported: use postgresql)" : string.Empty;
        reader.Error(config, Dhcp4ConfigKeys.LeaseDatabaseType, $"unknown lease database type '{typeName}': expected memfile, sqlite or postgresql{hint}");
        return null;
    }

    private LoggersConfiguration BindLoggers(Config dhcp4)
    {
        var loggers = new List<LoggerConfiguration>();
        foreach (var element in reader.List(dhcp4, Dhcp4ConfigKeys.Loggers))
        {
            var errorsBefore = reader.ErrorCount;
            var name = reader.Required(element, Dhcp4ConfigKeys.LoggersName, "a logger needs a name");
            var severity = reader.Choice(element, Dhcp4ConfigKeys.LoggersSeverity, Severities) ?? LogSeverity.Info;
            var debugLevel = reader.Int(element, Dhcp4ConfigKeys.LoggersDebuglevel) ?? 0;
            if (debugLevel is < 0 or > 99)
            {
                reader.Error(element, Dhcp4ConfigKeys.LoggersDebuglevel, $"{debugLevel} is out of range: expected 0 to 99");
            }

            var outputs = new List<LoggerOutput>();
            foreach (var output in reader.List(element, Dhcp4ConfigKeys.LoggersOutputOptions))
            {
                var target = reader.Required(output, Dhcp4ConfigKeys.LoggersOutputOptionsOutput, "an output needs its target: stdout, stderr, syslog[:name] or a file");
                var maxSize = reader.Long(output, Dhcp4ConfigKeys.LoggersOutputOptionsMaxsize) ?? 10240000;
                if (maxSize is < 0 or (> 0 and < 204800))
                {
                    reader.Error(output, Dhcp4ConfigKeys.LoggersOutputOptionsMaxsize, $"{maxSize} is out of range: 0 (no rollover) or at least 204800 bytes, as Kea requires");
                }

                var maxVersions = reader.Int(output, Dhcp4ConfigKeys.LoggersOutputOptionsMaxver) ?? 1;
                if (maxVersions < 0)
                {
                    reader.Error(output, Dhcp4ConfigKeys.LoggersOutputOptionsMaxver, $"{maxVersions} is negative");
                }

                var flush = reader.Boolean(output, Dhcp4ConfigKeys.LoggersOutputOptionsFlush) ?? true;
                var pattern = reader.String(output, Dhcp4ConfigKeys.LoggersOutputOptionsPattern);
                if (target is not null)
                {
                    outputs.Add(new LoggerOutput(target, maxSize, maxVersions, flush, pattern));
                }
            }

            if (reader.ErrorCount == errorsBefore && name is not null)
            {
                loggers.Add(new LoggerConfiguration(name, severity, debugLevel, outputs));
            }
        }

        return new LoggersConfiguration(loggers);
    }

    /// <summary>The Kea lease file to import: each bad row is an error at its own line of that file (at most 20 listed).</summary>
    private void CheckLeaseFile(Config config, string path)
    {
        KeaLeaseCsvResult result;
        try
        {
            result = KeaLeaseCsvReader.ReadFile(path);
        }
        catch (IOException e)
        {
            reader.Error(config, Dhcp4ConfigKeys.LeaseDatabaseName, $"the Kea lease file cannot be read: {e.Message}");
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            reader.Error(config, Dhcp4ConfigKeys.LeaseDatabaseName, $"the Kea lease file cannot be read: {e.Message}");
            return;
        }

        var keyPath = config.ErrorAt(Dhcp4ConfigKeys.LeaseDatabaseName, string.Empty).Path;
        foreach (var error in result.Errors.Take(20))
        {
            reader.Add(new ConfigurationProblem(ConfigurationProblemSeverity.Error, new ConfigOrigin(path, error.Line, 1), keyPath, $"the Kea lease file cannot be imported: {error.Problem}"));
        }
    }
}
