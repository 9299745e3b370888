using DhcpCluster.Actors.Remote.Tls;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Remote;

/// <summary>Remoting settings read from HOCON (<c>dhcp-cluster.remote.*</c>).</summary>
public sealed record RemoteSettings
{
    private const string ReferenceResource = "DhcpCluster.Actors.Remote.reference.conf";

    /// <summary>The module's defaults.</summary>
    public static Config Reference { get; } = ConfigFactory.FromResource(typeof(RemoteSettings).Assembly, ReferenceResource);

    /// <summary>Interface address the listener binds.</summary>
    public required string Hostname { get; init; }

    /// <summary>Port the listener binds (0: any free port).</summary>
    public required int Port { get; init; }

    /// <summary>Host name in this node's address.</summary>
    public required string PublicHostname { get; init; }

    /// <summary>Largest envelope in bytes.</summary>
    public required int MaximumFrameSize { get; init; }

    /// <summary>SO_SNDBUF.</summary>
    public required int SendBufferSize { get; init; }

    /// <summary>SO_RCVBUF.</summary>
    public required int ReceiveBufferSize { get; init; }

    /// <summary>The shared secret (UTF-8 bytes of secure-cookie).</summary>
    public required string SecureCookie { get; init; }

    /// <summary>Handshake deadline.</summary>
    public required TimeSpan HandshakeTimeout { get; init; }

    /// <summary>First reconnect delay.</summary>
    public required TimeSpan InitialReconnectBackoff { get; init; }

    /// <summary>Longest reconnect delay.</summary>
    public required TimeSpan RetryGateClosedFor { get; init; }

    /// <summary>Messages queued per association.</summary>
    public required int SendQueueCapacity { get; init; }

    /// <summary>How long a lost watched node may stay unconnectable before it counts as terminated.</summary>
    public required TimeSpan WatchAcceptablePause { get; init; }

    /// <summary>TLS of node-to-node connections; null when enable-ssl is off.</summary>
    public required TlsSettings? Tls { get; init; }

    /// <summary>Reads the settings from a configuration (over the module's reference.conf).</summary>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static RemoteSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(Reference);
        var port = c.GetInt(RemoteConfigKeys.Port);
        if (port is < 0 or > 65535)
        {
            throw c.ErrorAt(RemoteConfigKeys.Port, "must be between 0 and 65535");
        }

        var frame = c.GetByteSize(RemoteConfigKeys.MaximumFrameSize);
        if (frame is < 1024 or > 64 * 1024 * 1024)
        {
            throw c.ErrorAt(RemoteConfigKeys.MaximumFrameSize, "must be between 1KiB and 64MiB");
        }

        var cookie = c.GetString(RemoteConfigKeys.SecureCookie);
        if (cookie.Length == 0 && c.GetBoolean(RemoteConfigKeys.RequireCookie))
        {
            throw c.ErrorAt(RemoteConfigKeys.SecureCookie, "require-cookie is on but no secure-cookie is set");
        }

        var capacity = c.GetInt(RemoteConfigKeys.SendQueueCapacity);
        if (capacity < 1)
        {
            throw c.ErrorAt(RemoteConfigKeys.SendQueueCapacity, "must be at least 1");
        }

        var hostname = c.GetString(RemoteConfigKeys.Hostname);
        var publicHostname = c.GetString(RemoteConfigKeys.PublicHostname);
        return new RemoteSettings
        {
            Hostname = hostname,
            Port = port,
            PublicHostname = publicHostname.Length == 0 ? hostname : publicHostname,
            MaximumFrameSize = (int)frame,
            SendBufferSize = (int)Math.Clamp(c.GetByteSize(RemoteConfigKeys.SendBufferSize), 4096, int.MaxValue),
            ReceiveBufferSize = (int)Math.Clamp(c.GetByteSize(RemoteConfigKeys.ReceiveBufferSize), 4096, int.MaxValue),
            SecureCookie = cookie,
            HandshakeTimeout = Positive(c, RemoteConfigKeys.HandshakeTimeout),
            InitialReconnectBackoff = Positive(c, RemoteConfigKeys.InitialReconnectBackoff),
            RetryGateClosedFor = Positive(c, RemoteConfigKeys.RetryGateClosedFor),
            SendQueueCapacity = capacity,
            WatchAcceptablePause = Positive(c, RemoteConfigKeys.WatchAcceptablePause),
            Tls = TlsSettings.Read(c),
        };
    }

    private static TimeSpan Positive(Config c, ConfigKey key)
    {
        var value = c.GetDuration(key);
        return value > TimeSpan.Zero ? value : throw c.ErrorAt(key, "must be a positive duration");
    }
}
