namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys remoting reads (defaults in DhcpCluster.Actors.Remote's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.remote (DhcpCluster.Actors.Remote)")]
public static class RemoteConfigKeys
{
    /// <summary>Address the transport binds.</summary>
    public static readonly ConfigKey Hostname = new(
        "dhcp-cluster.remote.dot-netty.tcp.hostname",
        ConfigValueType.String,
        "Interface address the node-to-node TCP listener binds (an IP address or host name).",
        "akka.remote.dot-netty.tcp.hostname");

    /// <summary>Port the transport binds.</summary>
    public static readonly ConfigKey Port = new(
        "dhcp-cluster.remote.dot-netty.tcp.port",
        ConfigValueType.Int,
        "TCP port of the node-to-node listener; 0 picks a free port.",
        "akka.remote.dot-netty.tcp.port");

    /// <summary>Address other nodes use.</summary>
    public static readonly ConfigKey PublicHostname = new(
        "dhcp-cluster.remote.dot-netty.tcp.public-hostname",
        ConfigValueType.String,
        "Host name or address other nodes reach this node at (part of its actor address); empty means the bound hostname.",
        "akka.remote.dot-netty.tcp.public-hostname");

    /// <summary>Largest frame accepted.</summary>
    public static readonly ConfigKey MaximumFrameSize = new(
        "dhcp-cluster.remote.dot-netty.tcp.maximum-frame-size",
        ConfigValueType.ByteSize,
        "Largest serialized message envelope; a larger outgoing message is dropped and logged, a larger incoming frame closes the connection.",
        "akka.remote.dot-netty.tcp.maximum-frame-size");

    /// <summary>Socket send buffer.</summary>
    public static readonly ConfigKey SendBufferSize = new(
        "dhcp-cluster.remote.dot-netty.tcp.send-buffer-size",
        ConfigValueType.ByteSize,
        "Socket send buffer size (SO_SNDBUF) of node-to-node connections.",
        "akka.remote.dot-netty.tcp.send-buffer-size");

    /// <summary>Socket receive buffer.</summary>
    public static readonly ConfigKey ReceiveBufferSize = new(
        "dhcp-cluster.remote.dot-netty.tcp.receive-buffer-size",
        ConfigValueType.ByteSize,
        "Socket receive buffer size (SO_RCVBUF) of node-to-node connections.",
        "akka.remote.dot-netty.tcp.receive-buffer-size");

    /// <summary>The shared secret.</summary>
    public static readonly ConfigKey SecureCookie = new(
        "dhcp-cluster.remote.secure-cookie",
        ConfigValueType.String,
        "Shared secret of the cluster: both ends of every connection prove they know it (HMAC-SHA256 challenge-response) before any message is delivered.",
        "akka.remote.secure-cookie");

    /// <summary>Refuse to start without a secret.</summary>
    public static readonly ConfigKey RequireCookie = new(
        "dhcp-cluster.remote.require-cookie",
        ConfigValueType.Boolean,
        "Refuse to start when secure-cookie is empty (the handshake always runs; with an empty secret it only proves both ends have none).",
        "akka.remote.require-cookie");

    /// <summary>Handshake deadline.</summary>
    public static readonly ConfigKey HandshakeTimeout = new(
        "dhcp-cluster.remote.handshake-timeout",
        ConfigValueType.Duration,
        "A connection that has not completed the handshake within this time is dropped.",
        "akka.remote.handshake-timeout");

    /// <summary>First reconnect delay.</summary>
    public static readonly ConfigKey InitialReconnectBackoff = new(
        "dhcp-cluster.remote.initial-reconnect-backoff",
        ConfigValueType.Duration,
        "Delay before the first reconnect attempt of a lost association; it doubles on each failure up to retry-gate-closed-for.",
        "");

    /// <summary>Longest reconnect delay.</summary>
    public static readonly ConfigKey RetryGateClosedFor = new(
        "dhcp-cluster.remote.retry-gate-closed-for",
        ConfigValueType.Duration,
        "Longest delay between reconnect attempts of a lost association; messages sent meanwhile wait in the association's queue.",
        "akka.remote.retry-gate-closed-for");

    /// <summary>Messages queued per association.</summary>
    public static readonly ConfigKey SendQueueCapacity = new(
        "dhcp-cluster.remote.send-queue-capacity",
        ConfigValueType.Int,
        "Messages queued for one remote node while it is unreachable; further messages go to dead letters.",
        "akka.remote.artery.advanced.outbound-message-queue-size");

    /// <summary>When an unconnectable watched node counts as terminated.</summary>
    public static readonly ConfigKey WatchAcceptablePause = new(
        "dhcp-cluster.remote.watch-failure-detector.acceptable-heartbeat-pause",
        ConfigValueType.Duration,
        "Without a cluster: a node whose connection is lost and cannot be re-established for this long is declared terminated (watchers get Terminated with AddressTerminated) and quarantined.",
        "akka.remote.watch-failure-detector.acceptable-heartbeat-pause");

    /// <summary>TLS on node-to-node connections.</summary>
    public static readonly ConfigKey EnableSsl = new(
        "dhcp-cluster.remote.dot-netty.tcp.enable-ssl",
        ConfigValueType.Boolean,
        "Run every node-to-node connection over TLS (SslStream); the shared-secret handshake still runs inside it. Every node of a cluster must agree.",
        "akka.remote.dot-netty.tcp.enable-ssl");

    /// <summary>This node's certificate.</summary>
    public static readonly ConfigKey SslCertificatePath = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.certificate.path",
        ConfigValueType.String,
        "This node's certificate with its private key: a PKCS#12 file (.pfx/.p12), or a PEM certificate whose key is in ssl.certificate.key-path. Required with enable-ssl.",
        "akka.remote.dot-netty.tcp.ssl.certificate.path");

    /// <summary>Password of the PKCS#12 file or of the encrypted PEM key.</summary>
    public static readonly ConfigKey SslCertificatePassword = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.certificate.password",
        ConfigValueType.String,
        "Password of the PKCS#12 file (or of an encrypted PEM private key); empty for none.",
        "akka.remote.dot-netty.tcp.ssl.certificate.password");

    /// <summary>PEM private key.</summary>
    public static readonly ConfigKey SslCertificateKeyPath = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.certificate.key-path",
        ConfigValueType.String,
        "PEM private key of a PEM certificate (empty: the key is in the certificate file itself).",
        "");

    /// <summary>Certificates trusted as roots.</summary>
    public static readonly ConfigKey SslTrustedCertificatesPath = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.trusted-certificates-path",
        ConfigValueType.String,
        "PEM file of the certificates (CA or self-signed node certificates) a peer's certificate must chain to, besides this node's own certificate; empty: this node's certificate and the system's trusted roots.",
        "");

    /// <summary>Accept any peer certificate.</summary>
    public static readonly ConfigKey SslSuppressValidation = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.suppress-validation",
        ConfigValueType.Boolean,
        "Accept a peer certificate without validating its chain (testing only: the traffic is encrypted but any certificate is accepted).",
        "akka.remote.dot-netty.tcp.ssl.suppress-validation");

    /// <summary>Mutual TLS.</summary>
    public static readonly ConfigKey SslRequireMutualAuthentication = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.require-mutual-authentication",
        ConfigValueType.Boolean,
        "The accepting node requires and validates the connecting node's certificate too (mutual TLS), not only the other way round.",
        "akka.remote.dot-netty.tcp.ssl.require-mutual-authentication");

    /// <summary>Host name check.</summary>
    public static readonly ConfigKey SslValidateCertificateHostname = new(
        "dhcp-cluster.remote.dot-netty.tcp.ssl.validate-certificate-hostname",
        ConfigValueType.Boolean,
        "The connecting node also checks that the peer's certificate names the host it dialled (off: nodes share one certificate, as Akka's default).",
        "akka.remote.dot-netty.tcp.ssl.validate-certificate-hostname");
}
