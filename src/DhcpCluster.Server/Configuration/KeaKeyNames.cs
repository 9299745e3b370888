using System.Collections.Frozen;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// The key names of ISC Kea's <c>Dhcp4</c> grammar (Kea 2.2, taken from its parser's keywords, plus the keys later
/// versions added), and of the HA hook's parameters. The check reports a key it does not read by this rule: a Kea key
/// name is a warning "not supported yet" (a real Kea configuration still loads), any other name an error "unknown
/// key" (a typo would otherwise be silently ignored).
/// </summary>
public static class KeaKeyNames
{
    /// <summary>The problem text of a Kea key that is not read.</summary>
    public const string NotSupportedYet = "not supported yet: this Kea key is ignored";

    /// <summary>The problem text of a key Kea does not know either.</summary>
    public const string UnknownKey = "unknown key (not a Kea Dhcp4 key either: a typo?)";

    /// <summary>Key names of Kea's Dhcp4 object at any depth.</summary>
    public static IReadOnlySet<string> Dhcp4 { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "4o6-interface", "4o6-interface-id", "4o6-subnet", "allocator", "always-send", "array", "authoritative",
        "boot-file-name", "cache-max-age", "cache-threshold", "calculate-tee-times", "capacity", "cert-file",
        "cipher-list", "circuit-id", "client-class", "client-classes", "client-id", "code", "comment", "compatibility",
        "config-control", "config-databases", "config-fetch-wait-time", "connect-timeout", "control-socket",
        "control-sockets", "csv-format", "data", "ddns-conflict-resolution-mode", "ddns-generated-prefix",
        "ddns-override-client-update", "ddns-override-no-update", "ddns-qualifying-suffix", "ddns-replace-client-name",
        "ddns-send-updates", "ddns-ttl", "ddns-ttl-max", "ddns-ttl-min", "ddns-ttl-percent", "ddns-update-on-renew",
        "ddns-use-conflict-resolution", "debuglevel", "decline-probation-period", "dhcp-ddns", "dhcp-queue-control",
        "dhcp-socket-type", "dhcp4o6-port", "duid", "early-global-reservations-lookup", "echo-client-id",
        "enable-multi-threading", "enable-queue", "enable-updates", "encapsulate", "evaluate-additional-classes",
        "exclude-first-last-24", "expired-leases-processing", "extended-info-checks", "flex-id", "flush",
        "flush-reclaimed-timer-wait-time", "generated-prefix", "hold-reclaimed-time", "hooks-libraries", "host",
        "host-reservation-identifiers", "hostname", "hostname-char-replacement", "hostname-char-set", "hosts-database",
        "hosts-databases", "hw-address", "id", "ignore-dhcp-server-identifier", "ignore-rai-link-selection", "interface",
        "interfaces", "interfaces-config", "ip-address", "ip-addresses", "ip-reservations-unique", "key-file",
        "lease-checks", "lease-database", "lenient-option-parsing", "lfc-interval", "library", "loggers",
        "match-client-id", "max-queue-size", "max-read-timeout", "max-reclaim-leases", "max-reclaim-time",
        "max-reconnect-tries", "max-row-errors", "max-valid-lifetime", "maxsize", "maxver", "min-valid-lifetime",
        "multi-threading", "name", "ncr-format", "ncr-protocol", "never-send", "next-server", "offer-lifetime",
        "on-fail", "only-if-required", "only-in-additional-list", "option-data", "option-def", "outbound-interface",
        "output", "output-options", "output_options", "override-client-update", "override-no-update",
        "packet-queue-size", "parameters", "parked-packet-limit", "password", "pattern", "persist", "pool", "pool-id",
        "pools", "port", "qualifying-suffix", "queue-type", "re-detect", "read-timeout", "readonly", "rebind-timer",
        "reclaim-timer-wait-time", "reconnect-wait-time", "record-types", "relay", "renew-timer", "replace-client-name",
        "require-client-classes", "reservation-mode", "reservations", "reservations-global", "reservations-in-subnet",
        "reservations-lookup-first", "reservations-out-of-pool", "retry-on-startup", "sanity-checks", "sender-ip",
        "sender-port", "server-hostname", "server-ip", "server-port", "server-tag", "service-sockets-max-retries",
        "service-sockets-require-all", "service-sockets-retry-wait-time", "severity", "shared-networks", "socket-name",
        "socket-type", "space", "statistic-default-sample-age", "statistic-default-sample-count", "stash-agent-options",
        "store-extended-info", "subnet", "subnet4", "t1-percent", "t2-percent", "tcp-user-timeout", "template-test",
        "test", "thread-pool-size", "trust-anchor", "type", "unwarned-reclaim-cycles", "user", "user-context",
        "valid-lifetime", "write-timeout",
    ]);

    /// <summary>Key names of a relationship in the HA hook's <c>high-availability</c> list.</summary>
    public static IReadOnlySet<string> HighAvailability { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "this-server-name", "mode", "heartbeat-delay", "max-response-delay", "max-ack-delay", "max-unacked-clients",
        "max-rejected-lease-updates", "delayed-updates-limit", "send-lease-updates", "sync-leases", "sync-timeout",
        "sync-page-limit", "wait-backup-ack", "multi-threading", "peers", "trust-anchor", "cert-file", "key-file",
        "require-client-certs", "restrict-commands", "state-machine", "comment", "user-context",
    ]);

    /// <summary>Key names of an HA peer.</summary>
    public static IReadOnlySet<string> HighAvailabilityPeer { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "name", "url", "role", "auto-failover", "basic-auth-user", "basic-auth-password", "basic-auth-password-file",
        "trust-anchor", "cert-file", "key-file", "comment", "user-context",
    ]);

    /// <summary>The severity rule for a <c>Dhcp4</c> key nobody reads: true (a warning) when it is a Kea key name.</summary>
    public static bool IsKeaKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Dhcp4.Contains(name);
    }
}
