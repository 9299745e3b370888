using System.Globalization;
using System.Net.Sockets;
using System.Text;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Logging.Patterns;

namespace DhcpCluster.Logging.Outputs;

/// <summary>
/// Kea's <c>syslog</c> / <c>syslog:FACILITY</c> output: one datagram per line to the local syslog socket
/// (<c>/dev/log</c>), RFC 3164 or RFC 5424. When no syslog daemon listens, lines are dropped (and counted), never
/// blocking the caller.
/// </summary>
public sealed class SyslogLogOutput : LogOutput
{
    private static readonly Dictionary<string, int> Facilities = new(StringComparer.Ordinal)
    {
        ["kern"] = 0, ["user"] = 1, ["mail"] = 2, ["daemon"] = 3, ["auth"] = 4, ["syslog"] = 5, ["lpr"] = 6, ["news"] = 7,
        ["uucp"] = 8, ["cron"] = 9, ["authpriv"] = 10, ["ftp"] = 11, ["local0"] = 16, ["local1"] = 17, ["local2"] = 18,
        ["local3"] = 19, ["local4"] = 20, ["local5"] = 21, ["local6"] = 22, ["local7"] = 23,
    };

    private readonly string _socketPath;
    private readonly int _facility;
    private readonly string _appName;
    private readonly string _hostName;
    private readonly SyslogFormat _format;
    private readonly Lock _gate = new();
    private readonly string _processId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    private Socket? _socket;
    private long _dropped;

    /// <summary>An output to the syslog socket at <paramref name="socketPath"/>.</summary>
    public SyslogLogOutput(string socketPath, int facility, string appName, string hostName, SyslogFormat format, LogPattern pattern)
        : base(pattern)
    {
        ArgumentNullException.ThrowIfNull(socketPath);
        ArgumentNullException.ThrowIfNull(appName);
        ArgumentNullException.ThrowIfNull(hostName);
        ArgumentOutOfRangeException.ThrowIfNegative(facility);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(facility, 23);
        _socketPath = socketPath;
        _facility = facility;
        _appName = appName;
        _hostName = hostName;
        _format = format;
    }

    /// <summary>Lines dropped because no syslog daemon took them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The facility number of a name (<c>user</c>, <c>daemon</c>, <c>local0</c> ... <c>local7</c>).</summary>
    /// <exception cref="KeaLoggingConfigurationException">Unknown facility.</exception>
    public static int Facility(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Facilities.TryGetValue(name, out var value)
            ? value
            : throw new KeaLoggingConfigurationException($"unknown syslog facility '{name}' (known: {string.Join(", ", Facilities.Keys)})");
    }

    /// <summary>The syslog severity of a Kea severity text.</summary>
    public static int Severity(string keaSeverity) => keaSeverity switch
    {
        "FATAL" => 2,
        "ERROR" => 3,
        "WARN" => 4,
        "INFO" => 6,
        _ => 7,
    };

    /// <inheritdoc />
    protected override void WriteRendered(in LogLine line, StringBuilder rendered)
    {
        var message = rendered.ToString().TrimEnd('\n', '\r');
        var priority = (_facility * 8) + Severity(line.Severity);
        var datagram = _format == SyslogFormat.Rfc5424
            ? string.Create(CultureInfo.InvariantCulture, $"<{priority}>1 {line.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ} {_hostName} {_appName} {_processId} {MessageId(line.MessageId)} - {message}")
            : string.Create(CultureInfo.InvariantCulture, $"<{priority}>{line.Timestamp.ToLocalTime().DateTime.ToString("MMM", CultureInfo.InvariantCulture)} {line.Timestamp.ToLocalTime().Day,2} {line.Timestamp.ToLocalTime().DateTime:HH:mm:ss} {_appName}[{_processId}]: {message}");
        var bytes = Encoding.UTF8.GetBytes(datagram);
        lock (_gate)
        {
            try
            {
                _socket ??= Connect();
                _socket.Send(bytes);
            }
            catch (SocketException)
            {
                _socket?.Dispose();
                _socket = null;
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    private Socket Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { Blocking = false };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(_socketPath));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string MessageId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "-";
        }

        var printable = id.AsSpan().ContainsAnyExceptInRange('!', '~') ? "-" : id;
        return printable.Length > 32 ? printable[..32] : printable;
    }
}
