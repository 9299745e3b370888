using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>
/// Every key of the <c>Dhcp4</c> object the binder reads, with Kea's names. Keys repeated per scope (global, shared
/// network, subnet, pool, reservation, class) are declared once per path pattern; defaults live in reference.conf.
/// </summary>
[ConfigKeyCatalog("Dhcp4")]
public static class Dhcp4ConfigKeys
{
    /// <summary><c>Dhcp4.valid-lifetime</c>: Lease lifetime in seconds, inherited by shared networks and subnets.</summary>
    public static readonly ConfigKey ValidLifetime = new("Dhcp4.valid-lifetime", ConfigValueType.Long, "Lease lifetime in seconds, inherited by shared networks and subnets.", "Kea Dhcp4.valid-lifetime");

    /// <summary><c>Dhcp4.renew-timer</c>: T1 (option 58) in seconds; when unset, t1-percent of the lifetime.</summary>
    public static readonly ConfigKey RenewTimer = new("Dhcp4.renew-timer", ConfigValueType.Long, "T1 (option 58) in seconds; when unset, t1-percent of the lifetime.", "Kea Dhcp4.renew-timer");

    /// <summary><c>Dhcp4.rebind-timer</c>: T2 (option 59) in seconds; when unset, t2-percent of the lifetime.</summary>
    public static readonly ConfigKey RebindTimer = new("Dhcp4.rebind-timer", ConfigValueType.Long, "T2 (option 59) in seconds; when unset, t2-percent of the lifetime.", "Kea Dhcp4.rebind-timer");

    /// <summary><c>Dhcp4.t1-percent</c>: T1 as a fraction of the lifetime when renew-timer is not set.</summary>
    public static readonly ConfigKey T1Percent = new("Dhcp4.t1-percent", ConfigValueType.Double, "T1 as a fraction of the lifetime when renew-timer is not set.", "Kea Dhcp4.t1-percent");

    /// <summary><c>Dhcp4.t2-percent</c>: T2 as a fraction of the lifetime when rebind-timer is not set.</summary>
    public static readonly ConfigKey T2Percent = new("Dhcp4.t2-percent", ConfigValueType.Double, "T2 as a fraction of the lifetime when rebind-timer is not set.", "Kea Dhcp4.t2-percent");

    /// <summary><c>Dhcp4.match-client-id</c>: Identify clients by client identifier (option 61) before hardware address.</summary>
    public static readonly ConfigKey MatchClientId = new("Dhcp4.match-client-id", ConfigValueType.Boolean, "Identify clients by client identifier (option 61) before hardware address.", "Kea Dhcp4.match-client-id");

    /// <summary><c>Dhcp4.authoritative</c>: NAK requests for addresses the server does not know.</summary>
    public static readonly ConfigKey Authoritative = new("Dhcp4.authoritative", ConfigValueType.Boolean, "NAK requests for addresses the server does not know.", "Kea Dhcp4.authoritative");

    /// <summary><c>Dhcp4.allocator</c>: How free addresses are picked: iterative or random.</summary>
    public static readonly ConfigKey Allocator = new("Dhcp4.allocator", ConfigValueType.String, "How free addresses are picked: iterative or random.", "Kea Dhcp4.allocator");

    /// <summary><c>Dhcp4.next-server</c>: siaddr (next boot server address) for every client.</summary>
    public static readonly ConfigKey NextServer = new("Dhcp4.next-server", ConfigValueType.String, "siaddr (next boot server address) for every client.", "Kea Dhcp4.next-server");

    /// <summary><c>Dhcp4.server-hostname</c>: sname field for every client.</summary>
    public static readonly ConfigKey ServerHostname = new("Dhcp4.server-hostname", ConfigValueType.String, "sname field for every client.", "Kea Dhcp4.server-hostname");

    /// <summary><c>Dhcp4.boot-file-name</c>: file field (boot file) for every client.</summary>
    public static readonly ConfigKey BootFileName = new("Dhcp4.boot-file-name", ConfigValueType.String, "file field (boot file) for every client.", "Kea Dhcp4.boot-file-name");

    /// <summary><c>Dhcp4.option-data</c>: Options sent to clients everywhere (Kea's option-data).</summary>
    public static readonly ConfigKey OptionData = new("Dhcp4.option-data", ConfigValueType.ObjectList, "Options sent to clients everywhere (Kea's option-data).", "Kea Dhcp4.option-data");

    /// <summary><c>Dhcp4.option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey OptionDataName = new("Dhcp4.option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.option-data[].name");

    /// <summary><c>Dhcp4.option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey OptionDataCode = new("Dhcp4.option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.option-data[].code");

    /// <summary><c>Dhcp4.option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey OptionDataData = new("Dhcp4.option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.option-data[].data");

    /// <summary><c>Dhcp4.option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey OptionDataCsvFormat = new("Dhcp4.option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.option-data[].csv-format");

    /// <summary><c>Dhcp4.option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey OptionDataAlwaysSend = new("Dhcp4.option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.option-data[].always-send");

    /// <summary><c>Dhcp4.option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey OptionDataSpace = new("Dhcp4.option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.option-data[].space");

    /// <summary><c>Dhcp4.decline-probation-period</c>: Seconds a declined address stays unavailable.</summary>
    public static readonly ConfigKey DeclineProbationPeriod = new("Dhcp4.decline-probation-period", ConfigValueType.Long, "Seconds a declined address stays unavailable.", "Kea Dhcp4.decline-probation-period");

    /// <summary><c>Dhcp4.echo-client-id</c>: Echo the client identifier in replies (RFC 6842).</summary>
    public static readonly ConfigKey EchoClientId = new("Dhcp4.echo-client-id", ConfigValueType.Boolean, "Echo the client identifier in replies (RFC 6842).", "Kea Dhcp4.echo-client-id");

    /// <summary><c>Dhcp4.offer-lifetime</c>: Seconds an offered address is held for the client (Kea 2.6's key; Kea's default 0 holds nothing, ours holds it).</summary>
    public static readonly ConfigKey OfferLifetime = new("Dhcp4.offer-lifetime", ConfigValueType.Long, "Seconds an offered address is held for the client (Kea 2.6's key; Kea's default 0 holds nothing, ours holds it).", "Kea Dhcp4.offer-lifetime");

    /// <summary><c>Dhcp4.host-reservation-identifiers</c>: Identifiers reservations are looked up by, in order (hw-address, duid, circuit-id, client-id); all four when unset.</summary>
    public static readonly ConfigKey HostReservationIdentifiers = new("Dhcp4.host-reservation-identifiers", ConfigValueType.StringList, "Identifiers reservations are looked up by, in order (hw-address, duid, circuit-id, client-id); all four when unset.", "Kea Dhcp4.host-reservation-identifiers");

    /// <summary><c>Dhcp4.interfaces-config.interfaces</c>: Interfaces: 'name', 'name/address' (that address is the server identifier) or '*' (all).</summary>
    public static readonly ConfigKey InterfacesConfigInterfaces = new("Dhcp4.interfaces-config.interfaces", ConfigValueType.StringList, "Interfaces: 'name', 'name/address' (that address is the server identifier) or '*' (all).", "Kea Dhcp4.interfaces-config.interfaces");

    /// <summary><c>Dhcp4.interfaces-config.dhcp-socket-type</c>: raw (packet sockets, reach clients without an address) or udp.</summary>
    public static readonly ConfigKey InterfacesConfigDhcpSocketType = new("Dhcp4.interfaces-config.dhcp-socket-type", ConfigValueType.String, "raw (packet sockets, reach clients without an address) or udp.", "Kea Dhcp4.interfaces-config.dhcp-socket-type");

    /// <summary><c>Dhcp4.interfaces-config.service-sockets-require-all</c>: Fail at start when an interface cannot be opened, instead of retrying it.</summary>
    public static readonly ConfigKey InterfacesConfigServiceSocketsRequireAll = new("Dhcp4.interfaces-config.service-sockets-require-all", ConfigValueType.Boolean, "Fail at start when an interface cannot be opened, instead of retrying it.", "Kea Dhcp4.interfaces-config.service-sockets-require-all");

    /// <summary><c>Dhcp4.interfaces-config.service-sockets-max-retries</c>: Retries to open a missing or down interface; unset means without limit (Kea's default 0 means none: the boot race).</summary>
    public static readonly ConfigKey InterfacesConfigServiceSocketsMaxRetries = new("Dhcp4.interfaces-config.service-sockets-max-retries", ConfigValueType.Int, "Retries to open a missing or down interface; unset means without limit (Kea's default 0 means none: the boot race).", "Kea Dhcp4.interfaces-config.service-sockets-max-retries");

    /// <summary><c>Dhcp4.interfaces-config.service-sockets-retry-wait-time</c>: Wait between retries to open an interface; a plain number is milliseconds, as in Kea.</summary>
    public static readonly ConfigKey InterfacesConfigServiceSocketsRetryWaitTime = new("Dhcp4.interfaces-config.service-sockets-retry-wait-time", ConfigValueType.Duration, "Wait between retries to open an interface; a plain number is milliseconds, as in Kea.", "Kea Dhcp4.interfaces-config.service-sockets-retry-wait-time");

    /// <summary><c>Dhcp4.lease-database.type</c>: memfile (embedded SQLite journal, importing the Kea lease CSV named by name), sqlite or postgresql.</summary>
    public static readonly ConfigKey LeaseDatabaseType = new("Dhcp4.lease-database.type", ConfigValueType.String, "memfile (embedded SQLite journal, importing the Kea lease CSV named by name), sqlite or postgresql.", "Kea Dhcp4.lease-database.type");

    /// <summary><c>Dhcp4.lease-database.name</c>: File (memfile: Kea's lease CSV; sqlite: the database file) or PostgreSQL database name.</summary>
    public static readonly ConfigKey LeaseDatabaseName = new("Dhcp4.lease-database.name", ConfigValueType.String, "File (memfile: Kea's lease CSV; sqlite: the database file) or PostgreSQL database name.", "Kea Dhcp4.lease-database.name");

    /// <summary><c>Dhcp4.lease-database.host</c>: PostgreSQL host.</summary>
    public static readonly ConfigKey LeaseDatabaseHost = new("Dhcp4.lease-database.host", ConfigValueType.String, "PostgreSQL host.", "Kea Dhcp4.lease-database.host");

    /// <summary><c>Dhcp4.lease-database.port</c>: PostgreSQL port.</summary>
    public static readonly ConfigKey LeaseDatabasePort = new("Dhcp4.lease-database.port", ConfigValueType.Int, "PostgreSQL port.", "Kea Dhcp4.lease-database.port");

    /// <summary><c>Dhcp4.lease-database.user</c>: PostgreSQL user.</summary>
    public static readonly ConfigKey LeaseDatabaseUser = new("Dhcp4.lease-database.user", ConfigValueType.String, "PostgreSQL user.", "Kea Dhcp4.lease-database.user");

    /// <summary><c>Dhcp4.lease-database.password</c>: PostgreSQL password.</summary>
    public static readonly ConfigKey LeaseDatabasePassword = new("Dhcp4.lease-database.password", ConfigValueType.String, "PostgreSQL password.", "Kea Dhcp4.lease-database.password");

    /// <summary><c>Dhcp4.lease-database.persist</c>: memfile: false keeps leases in memory only.</summary>
    public static readonly ConfigKey LeaseDatabasePersist = new("Dhcp4.lease-database.persist", ConfigValueType.Boolean, "memfile: false keeps leases in memory only.", "Kea Dhcp4.lease-database.persist");

    /// <summary><c>Dhcp4.lease-database.lfc-interval</c>: memfile lease-file cleanup interval in seconds; accepted, the journal needs no cleanup.</summary>
    public static readonly ConfigKey LeaseDatabaseLfcInterval = new("Dhcp4.lease-database.lfc-interval", ConfigValueType.Long, "memfile lease-file cleanup interval in seconds; accepted, the journal needs no cleanup.", "Kea Dhcp4.lease-database.lfc-interval");

    /// <summary><c>Dhcp4.lease-database.max-reconnect-tries</c>: Reconnect attempts after the database connection is lost.</summary>
    public static readonly ConfigKey LeaseDatabaseMaxReconnectTries = new("Dhcp4.lease-database.max-reconnect-tries", ConfigValueType.Int, "Reconnect attempts after the database connection is lost.", "Kea Dhcp4.lease-database.max-reconnect-tries");

    /// <summary><c>Dhcp4.lease-database.reconnect-wait-time</c>: Wait between reconnect attempts; a plain number is milliseconds, as in Kea.</summary>
    public static readonly ConfigKey LeaseDatabaseReconnectWaitTime = new("Dhcp4.lease-database.reconnect-wait-time", ConfigValueType.Duration, "Wait between reconnect attempts; a plain number is milliseconds, as in Kea.", "Kea Dhcp4.lease-database.reconnect-wait-time");

    /// <summary><c>Dhcp4.lease-database.on-fail</c>: stop-retry-exit, serve-retry-exit or serve-retry-continue: what the server does while the database is lost.</summary>
    public static readonly ConfigKey LeaseDatabaseOnFail = new("Dhcp4.lease-database.on-fail", ConfigValueType.String, "stop-retry-exit, serve-retry-exit or serve-retry-continue: what the server does while the database is lost.", "Kea Dhcp4.lease-database.on-fail");

    /// <summary><c>Dhcp4.lease-database.retry-on-startup</c>: Keep trying to connect when the database is unreachable at start.</summary>
    public static readonly ConfigKey LeaseDatabaseRetryOnStartup = new("Dhcp4.lease-database.retry-on-startup", ConfigValueType.Boolean, "Keep trying to connect when the database is unreachable at start.", "Kea Dhcp4.lease-database.retry-on-startup");

    /// <summary><c>Dhcp4.subnet4</c>: Subnets outside shared networks.</summary>
    public static readonly ConfigKey Subnet4 = new("Dhcp4.subnet4", ConfigValueType.ObjectList, "Subnets outside shared networks.", "Kea Dhcp4.subnet4");

    /// <summary><c>Dhcp4.subnet4[].id</c>: Subnet id (1..4294967294), unique across all subnets.</summary>
    public static readonly ConfigKey Subnet4Id = new("Dhcp4.subnet4[].id", ConfigValueType.Long, "Subnet id (1..4294967294), unique across all subnets.", "Kea Dhcp4.subnet4[].id");

    /// <summary><c>Dhcp4.subnet4[].subnet</c>: The subnet prefix, address/length.</summary>
    public static readonly ConfigKey Subnet4Subnet = new("Dhcp4.subnet4[].subnet", ConfigValueType.String, "The subnet prefix, address/length.", "Kea Dhcp4.subnet4[].subnet");

    /// <summary><c>Dhcp4.subnet4[].interface</c>: Interface on which the subnet is directly reachable.</summary>
    public static readonly ConfigKey Subnet4Interface = new("Dhcp4.subnet4[].interface", ConfigValueType.String, "Interface on which the subnet is directly reachable.", "Kea Dhcp4.subnet4[].interface");

    /// <summary><c>Dhcp4.subnet4[].client-class</c>: Only members of this class may use the subnet.</summary>
    public static readonly ConfigKey Subnet4ClientClass = new("Dhcp4.subnet4[].client-class", ConfigValueType.String, "Only members of this class may use the subnet.", "Kea Dhcp4.subnet4[].client-class");

    /// <summary><c>Dhcp4.subnet4[].relay.ip-addresses</c>: Relay (giaddr) addresses that select the subnet.</summary>
    public static readonly ConfigKey Subnet4RelayIpAddresses = new("Dhcp4.subnet4[].relay.ip-addresses", ConfigValueType.StringList, "Relay (giaddr) addresses that select the subnet.", "Kea Dhcp4.subnet4[].relay.ip-addresses");

    /// <summary><c>Dhcp4.subnet4[].pools</c>: Dynamic address pools of the subnet.</summary>
    public static readonly ConfigKey Subnet4Pools = new("Dhcp4.subnet4[].pools", ConfigValueType.ObjectList, "Dynamic address pools of the subnet.", "Kea Dhcp4.subnet4[].pools");

    /// <summary><c>Dhcp4.subnet4[].pools[].pool</c>: Pool range: 'first - last' or 'address/length', inside the subnet, not overlapping another pool.</summary>
    public static readonly ConfigKey Subnet4PoolsPool = new("Dhcp4.subnet4[].pools[].pool", ConfigValueType.String, "Pool range: 'first - last' or 'address/length', inside the subnet, not overlapping another pool.", "Kea Dhcp4.subnet4[].pools[].pool");

    /// <summary><c>Dhcp4.subnet4[].pools[].client-class</c>: Only members of this class get addresses from the pool.</summary>
    public static readonly ConfigKey Subnet4PoolsClientClass = new("Dhcp4.subnet4[].pools[].client-class", ConfigValueType.String, "Only members of this class get addresses from the pool.", "Kea Dhcp4.subnet4[].pools[].client-class");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data</c>: Options sent to clients from this pool (Kea's option-data).</summary>
    public static readonly ConfigKey Subnet4PoolsOptionData = new("Dhcp4.subnet4[].pools[].option-data", ConfigValueType.ObjectList, "Options sent to clients from this pool (Kea's option-data).", "Kea Dhcp4.subnet4[].pools[].option-data");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey Subnet4PoolsOptionDataName = new("Dhcp4.subnet4[].pools[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.subnet4[].pools[].option-data[].name");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey Subnet4PoolsOptionDataCode = new("Dhcp4.subnet4[].pools[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.subnet4[].pools[].option-data[].code");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey Subnet4PoolsOptionDataData = new("Dhcp4.subnet4[].pools[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.subnet4[].pools[].option-data[].data");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey Subnet4PoolsOptionDataCsvFormat = new("Dhcp4.subnet4[].pools[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.subnet4[].pools[].option-data[].csv-format");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey Subnet4PoolsOptionDataAlwaysSend = new("Dhcp4.subnet4[].pools[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.subnet4[].pools[].option-data[].always-send");

    /// <summary><c>Dhcp4.subnet4[].pools[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey Subnet4PoolsOptionDataSpace = new("Dhcp4.subnet4[].pools[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.subnet4[].pools[].option-data[].space");

    /// <summary><c>Dhcp4.subnet4[].reservations</c>: Host reservations of the subnet.</summary>
    public static readonly ConfigKey Subnet4Reservations = new("Dhcp4.subnet4[].reservations", ConfigValueType.ObjectList, "Host reservations of the subnet.", "Kea Dhcp4.subnet4[].reservations");

    /// <summary><c>Dhcp4.subnet4[].reservations[].hw-address</c>: Reservation identifier: hardware address (hex, colons allowed).</summary>
    public static readonly ConfigKey Subnet4ReservationsHwAddress = new("Dhcp4.subnet4[].reservations[].hw-address", ConfigValueType.String, "Reservation identifier: hardware address (hex, colons allowed).", "Kea Dhcp4.subnet4[].reservations[].hw-address");

    /// <summary><c>Dhcp4.subnet4[].reservations[].client-id</c>: Reservation identifier: whole client identifier option 61 (hex).</summary>
    public static readonly ConfigKey Subnet4ReservationsClientId = new("Dhcp4.subnet4[].reservations[].client-id", ConfigValueType.String, "Reservation identifier: whole client identifier option 61 (hex).", "Kea Dhcp4.subnet4[].reservations[].client-id");

    /// <summary><c>Dhcp4.subnet4[].reservations[].circuit-id</c>: Reservation identifier: relay agent circuit id (hex or quoted text).</summary>
    public static readonly ConfigKey Subnet4ReservationsCircuitId = new("Dhcp4.subnet4[].reservations[].circuit-id", ConfigValueType.String, "Reservation identifier: relay agent circuit id (hex or quoted text).", "Kea Dhcp4.subnet4[].reservations[].circuit-id");

    /// <summary><c>Dhcp4.subnet4[].reservations[].duid</c>: Reservation identifier: DUID of an RFC 4361 client identifier (hex).</summary>
    public static readonly ConfigKey Subnet4ReservationsDuid = new("Dhcp4.subnet4[].reservations[].duid", ConfigValueType.String, "Reservation identifier: DUID of an RFC 4361 client identifier (hex).", "Kea Dhcp4.subnet4[].reservations[].duid");

    /// <summary><c>Dhcp4.subnet4[].reservations[].ip-address</c>: Reserved address; must lie inside the subnet.</summary>
    public static readonly ConfigKey Subnet4ReservationsIpAddress = new("Dhcp4.subnet4[].reservations[].ip-address", ConfigValueType.String, "Reserved address; must lie inside the subnet.", "Kea Dhcp4.subnet4[].reservations[].ip-address");

    /// <summary><c>Dhcp4.subnet4[].reservations[].hostname</c>: Hostname sent to the reserved client (option 12).</summary>
    public static readonly ConfigKey Subnet4ReservationsHostname = new("Dhcp4.subnet4[].reservations[].hostname", ConfigValueType.String, "Hostname sent to the reserved client (option 12).", "Kea Dhcp4.subnet4[].reservations[].hostname");

    /// <summary><c>Dhcp4.subnet4[].reservations[].client-classes</c>: Classes the reserved client is made a member of.</summary>
    public static readonly ConfigKey Subnet4ReservationsClientClasses = new("Dhcp4.subnet4[].reservations[].client-classes", ConfigValueType.StringList, "Classes the reserved client is made a member of.", "Kea Dhcp4.subnet4[].reservations[].client-classes");

    /// <summary><c>Dhcp4.subnet4[].reservations[].next-server</c>: siaddr (next boot server address) for the reserved client.</summary>
    public static readonly ConfigKey Subnet4ReservationsNextServer = new("Dhcp4.subnet4[].reservations[].next-server", ConfigValueType.String, "siaddr (next boot server address) for the reserved client.", "Kea Dhcp4.subnet4[].reservations[].next-server");

    /// <summary><c>Dhcp4.subnet4[].reservations[].server-hostname</c>: sname field for the reserved client.</summary>
    public static readonly ConfigKey Subnet4ReservationsServerHostname = new("Dhcp4.subnet4[].reservations[].server-hostname", ConfigValueType.String, "sname field for the reserved client.", "Kea Dhcp4.subnet4[].reservations[].server-hostname");

    /// <summary><c>Dhcp4.subnet4[].reservations[].boot-file-name</c>: file field (boot file) for the reserved client.</summary>
    public static readonly ConfigKey Subnet4ReservationsBootFileName = new("Dhcp4.subnet4[].reservations[].boot-file-name", ConfigValueType.String, "file field (boot file) for the reserved client.", "Kea Dhcp4.subnet4[].reservations[].boot-file-name");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data</c>: Options sent to clients to the reserved client (Kea's option-data).</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionData = new("Dhcp4.subnet4[].reservations[].option-data", ConfigValueType.ObjectList, "Options sent to clients to the reserved client (Kea's option-data).", "Kea Dhcp4.subnet4[].reservations[].option-data");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionDataName = new("Dhcp4.subnet4[].reservations[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.subnet4[].reservations[].option-data[].name");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionDataCode = new("Dhcp4.subnet4[].reservations[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.subnet4[].reservations[].option-data[].code");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionDataData = new("Dhcp4.subnet4[].reservations[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.subnet4[].reservations[].option-data[].data");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionDataCsvFormat = new("Dhcp4.subnet4[].reservations[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.subnet4[].reservations[].option-data[].csv-format");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionDataAlwaysSend = new("Dhcp4.subnet4[].reservations[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.subnet4[].reservations[].option-data[].always-send");

    /// <summary><c>Dhcp4.subnet4[].reservations[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey Subnet4ReservationsOptionDataSpace = new("Dhcp4.subnet4[].reservations[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.subnet4[].reservations[].option-data[].space");

    /// <summary><c>Dhcp4.subnet4[].valid-lifetime</c>: Lease lifetime in seconds in this subnet.</summary>
    public static readonly ConfigKey Subnet4ValidLifetime = new("Dhcp4.subnet4[].valid-lifetime", ConfigValueType.Long, "Lease lifetime in seconds in this subnet.", "Kea Dhcp4.subnet4[].valid-lifetime");

    /// <summary><c>Dhcp4.subnet4[].renew-timer</c>: T1 (option 58) in seconds in this subnet; not above rebind-timer.</summary>
    public static readonly ConfigKey Subnet4RenewTimer = new("Dhcp4.subnet4[].renew-timer", ConfigValueType.Long, "T1 (option 58) in seconds in this subnet; not above rebind-timer.", "Kea Dhcp4.subnet4[].renew-timer");

    /// <summary><c>Dhcp4.subnet4[].rebind-timer</c>: T2 (option 59) in seconds in this subnet; not above valid-lifetime.</summary>
    public static readonly ConfigKey Subnet4RebindTimer = new("Dhcp4.subnet4[].rebind-timer", ConfigValueType.Long, "T2 (option 59) in seconds in this subnet; not above valid-lifetime.", "Kea Dhcp4.subnet4[].rebind-timer");

    /// <summary><c>Dhcp4.subnet4[].t1-percent</c>: T1 as a fraction of the lifetime when renew-timer is not set in this subnet.</summary>
    public static readonly ConfigKey Subnet4T1Percent = new("Dhcp4.subnet4[].t1-percent", ConfigValueType.Double, "T1 as a fraction of the lifetime when renew-timer is not set in this subnet.", "Kea Dhcp4.subnet4[].t1-percent");

    /// <summary><c>Dhcp4.subnet4[].t2-percent</c>: T2 as a fraction of the lifetime when rebind-timer is not set in this subnet.</summary>
    public static readonly ConfigKey Subnet4T2Percent = new("Dhcp4.subnet4[].t2-percent", ConfigValueType.Double, "T2 as a fraction of the lifetime when rebind-timer is not set in this subnet.", "Kea Dhcp4.subnet4[].t2-percent");

    /// <summary><c>Dhcp4.subnet4[].match-client-id</c>: Identify clients by client identifier (option 61) before hardware address in this subnet.</summary>
    public static readonly ConfigKey Subnet4MatchClientId = new("Dhcp4.subnet4[].match-client-id", ConfigValueType.Boolean, "Identify clients by client identifier (option 61) before hardware address in this subnet.", "Kea Dhcp4.subnet4[].match-client-id");

    /// <summary><c>Dhcp4.subnet4[].authoritative</c>: NAK requests for addresses the server does not know in this subnet.</summary>
    public static readonly ConfigKey Subnet4Authoritative = new("Dhcp4.subnet4[].authoritative", ConfigValueType.Boolean, "NAK requests for addresses the server does not know in this subnet.", "Kea Dhcp4.subnet4[].authoritative");

    /// <summary><c>Dhcp4.subnet4[].allocator</c>: How free addresses are picked: iterative or random in this subnet.</summary>
    public static readonly ConfigKey Subnet4Allocator = new("Dhcp4.subnet4[].allocator", ConfigValueType.String, "How free addresses are picked: iterative or random in this subnet.", "Kea Dhcp4.subnet4[].allocator");

    /// <summary><c>Dhcp4.subnet4[].next-server</c>: siaddr (next boot server address) in this subnet.</summary>
    public static readonly ConfigKey Subnet4NextServer = new("Dhcp4.subnet4[].next-server", ConfigValueType.String, "siaddr (next boot server address) in this subnet.", "Kea Dhcp4.subnet4[].next-server");

    /// <summary><c>Dhcp4.subnet4[].server-hostname</c>: sname field in this subnet.</summary>
    public static readonly ConfigKey Subnet4ServerHostname = new("Dhcp4.subnet4[].server-hostname", ConfigValueType.String, "sname field in this subnet.", "Kea Dhcp4.subnet4[].server-hostname");

    /// <summary><c>Dhcp4.subnet4[].boot-file-name</c>: file field (boot file) in this subnet.</summary>
    public static readonly ConfigKey Subnet4BootFileName = new("Dhcp4.subnet4[].boot-file-name", ConfigValueType.String, "file field (boot file) in this subnet.", "Kea Dhcp4.subnet4[].boot-file-name");

    /// <summary><c>Dhcp4.subnet4[].option-data</c>: Options sent to clients in this subnet (Kea's option-data).</summary>
    public static readonly ConfigKey Subnet4OptionData = new("Dhcp4.subnet4[].option-data", ConfigValueType.ObjectList, "Options sent to clients in this subnet (Kea's option-data).", "Kea Dhcp4.subnet4[].option-data");

    /// <summary><c>Dhcp4.subnet4[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey Subnet4OptionDataName = new("Dhcp4.subnet4[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.subnet4[].option-data[].name");

    /// <summary><c>Dhcp4.subnet4[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey Subnet4OptionDataCode = new("Dhcp4.subnet4[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.subnet4[].option-data[].code");

    /// <summary><c>Dhcp4.subnet4[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey Subnet4OptionDataData = new("Dhcp4.subnet4[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.subnet4[].option-data[].data");

    /// <summary><c>Dhcp4.subnet4[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey Subnet4OptionDataCsvFormat = new("Dhcp4.subnet4[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.subnet4[].option-data[].csv-format");

    /// <summary><c>Dhcp4.subnet4[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey Subnet4OptionDataAlwaysSend = new("Dhcp4.subnet4[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.subnet4[].option-data[].always-send");

    /// <summary><c>Dhcp4.subnet4[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey Subnet4OptionDataSpace = new("Dhcp4.subnet4[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.subnet4[].option-data[].space");

    /// <summary><c>Dhcp4.shared-networks</c>: Shared networks: subnets on one link.</summary>
    public static readonly ConfigKey SharedNetworks = new("Dhcp4.shared-networks", ConfigValueType.ObjectList, "Shared networks: subnets on one link.", "Kea Dhcp4.shared-networks");

    /// <summary><c>Dhcp4.shared-networks[].name</c>: Shared network name, unique.</summary>
    public static readonly ConfigKey SharedNetworksName = new("Dhcp4.shared-networks[].name", ConfigValueType.String, "Shared network name, unique.", "Kea Dhcp4.shared-networks[].name");

    /// <summary><c>Dhcp4.shared-networks[].interface</c>: Interface on which the network is directly reachable.</summary>
    public static readonly ConfigKey SharedNetworksInterface = new("Dhcp4.shared-networks[].interface", ConfigValueType.String, "Interface on which the network is directly reachable.", "Kea Dhcp4.shared-networks[].interface");

    /// <summary><c>Dhcp4.shared-networks[].client-class</c>: Only members of this class may use the network.</summary>
    public static readonly ConfigKey SharedNetworksClientClass = new("Dhcp4.shared-networks[].client-class", ConfigValueType.String, "Only members of this class may use the network.", "Kea Dhcp4.shared-networks[].client-class");

    /// <summary><c>Dhcp4.shared-networks[].relay.ip-addresses</c>: Relay (giaddr) addresses that select the network.</summary>
    public static readonly ConfigKey SharedNetworksRelayIpAddresses = new("Dhcp4.shared-networks[].relay.ip-addresses", ConfigValueType.StringList, "Relay (giaddr) addresses that select the network.", "Kea Dhcp4.shared-networks[].relay.ip-addresses");

    /// <summary><c>Dhcp4.shared-networks[].valid-lifetime</c>: Lease lifetime in seconds in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksValidLifetime = new("Dhcp4.shared-networks[].valid-lifetime", ConfigValueType.Long, "Lease lifetime in seconds in this shared network.", "Kea Dhcp4.shared-networks[].valid-lifetime");

    /// <summary><c>Dhcp4.shared-networks[].renew-timer</c>: T1 (option 58) in seconds in this shared network; not above rebind-timer.</summary>
    public static readonly ConfigKey SharedNetworksRenewTimer = new("Dhcp4.shared-networks[].renew-timer", ConfigValueType.Long, "T1 (option 58) in seconds in this shared network; not above rebind-timer.", "Kea Dhcp4.shared-networks[].renew-timer");

    /// <summary><c>Dhcp4.shared-networks[].rebind-timer</c>: T2 (option 59) in seconds in this shared network; not above valid-lifetime.</summary>
    public static readonly ConfigKey SharedNetworksRebindTimer = new("Dhcp4.shared-networks[].rebind-timer", ConfigValueType.Long, "T2 (option 59) in seconds in this shared network; not above valid-lifetime.", "Kea Dhcp4.shared-networks[].rebind-timer");

    /// <summary><c>Dhcp4.shared-networks[].t1-percent</c>: T1 as a fraction of the lifetime when renew-timer is not set in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksT1Percent = new("Dhcp4.shared-networks[].t1-percent", ConfigValueType.Double, "T1 as a fraction of the lifetime when renew-timer is not set in this shared network.", "Kea Dhcp4.shared-networks[].t1-percent");

    /// <summary><c>Dhcp4.shared-networks[].t2-percent</c>: T2 as a fraction of the lifetime when rebind-timer is not set in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksT2Percent = new("Dhcp4.shared-networks[].t2-percent", ConfigValueType.Double, "T2 as a fraction of the lifetime when rebind-timer is not set in this shared network.", "Kea Dhcp4.shared-networks[].t2-percent");

    /// <summary><c>Dhcp4.shared-networks[].match-client-id</c>: Identify clients by client identifier (option 61) before hardware address in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksMatchClientId = new("Dhcp4.shared-networks[].match-client-id", ConfigValueType.Boolean, "Identify clients by client identifier (option 61) before hardware address in this shared network.", "Kea Dhcp4.shared-networks[].match-client-id");

    /// <summary><c>Dhcp4.shared-networks[].authoritative</c>: NAK requests for addresses the server does not know in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksAuthoritative = new("Dhcp4.shared-networks[].authoritative", ConfigValueType.Boolean, "NAK requests for addresses the server does not know in this shared network.", "Kea Dhcp4.shared-networks[].authoritative");

    /// <summary><c>Dhcp4.shared-networks[].allocator</c>: How free addresses are picked: iterative or random in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksAllocator = new("Dhcp4.shared-networks[].allocator", ConfigValueType.String, "How free addresses are picked: iterative or random in this shared network.", "Kea Dhcp4.shared-networks[].allocator");

    /// <summary><c>Dhcp4.shared-networks[].next-server</c>: siaddr (next boot server address) in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksNextServer = new("Dhcp4.shared-networks[].next-server", ConfigValueType.String, "siaddr (next boot server address) in this shared network.", "Kea Dhcp4.shared-networks[].next-server");

    /// <summary><c>Dhcp4.shared-networks[].server-hostname</c>: sname field in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksServerHostname = new("Dhcp4.shared-networks[].server-hostname", ConfigValueType.String, "sname field in this shared network.", "Kea Dhcp4.shared-networks[].server-hostname");

    /// <summary><c>Dhcp4.shared-networks[].boot-file-name</c>: file field (boot file) in this shared network.</summary>
    public static readonly ConfigKey SharedNetworksBootFileName = new("Dhcp4.shared-networks[].boot-file-name", ConfigValueType.String, "file field (boot file) in this shared network.", "Kea Dhcp4.shared-networks[].boot-file-name");

    /// <summary><c>Dhcp4.shared-networks[].option-data</c>: Options sent to clients in this shared network (Kea's option-data).</summary>
    public static readonly ConfigKey SharedNetworksOptionData = new("Dhcp4.shared-networks[].option-data", ConfigValueType.ObjectList, "Options sent to clients in this shared network (Kea's option-data).", "Kea Dhcp4.shared-networks[].option-data");

    /// <summary><c>Dhcp4.shared-networks[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey SharedNetworksOptionDataName = new("Dhcp4.shared-networks[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.shared-networks[].option-data[].name");

    /// <summary><c>Dhcp4.shared-networks[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey SharedNetworksOptionDataCode = new("Dhcp4.shared-networks[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.shared-networks[].option-data[].code");

    /// <summary><c>Dhcp4.shared-networks[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey SharedNetworksOptionDataData = new("Dhcp4.shared-networks[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.shared-networks[].option-data[].data");

    /// <summary><c>Dhcp4.shared-networks[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey SharedNetworksOptionDataCsvFormat = new("Dhcp4.shared-networks[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.shared-networks[].option-data[].csv-format");

    /// <summary><c>Dhcp4.shared-networks[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey SharedNetworksOptionDataAlwaysSend = new("Dhcp4.shared-networks[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.shared-networks[].option-data[].always-send");

    /// <summary><c>Dhcp4.shared-networks[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey SharedNetworksOptionDataSpace = new("Dhcp4.shared-networks[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.shared-networks[].option-data[].space");

    /// <summary><c>Dhcp4.shared-networks[].subnet4</c>: The subnets of the shared network.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4 = new("Dhcp4.shared-networks[].subnet4", ConfigValueType.ObjectList, "The subnets of the shared network.", "Kea Dhcp4.shared-networks[].subnet4");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].id</c>: Subnet id (1..4294967294), unique across all subnets.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Id = new("Dhcp4.shared-networks[].subnet4[].id", ConfigValueType.Long, "Subnet id (1..4294967294), unique across all subnets.", "Kea Dhcp4.shared-networks[].subnet4[].id");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].subnet</c>: The subnet prefix, address/length.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Subnet = new("Dhcp4.shared-networks[].subnet4[].subnet", ConfigValueType.String, "The subnet prefix, address/length.", "Kea Dhcp4.shared-networks[].subnet4[].subnet");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].interface</c>: Interface on which the subnet is directly reachable.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Interface = new("Dhcp4.shared-networks[].subnet4[].interface", ConfigValueType.String, "Interface on which the subnet is directly reachable.", "Kea Dhcp4.shared-networks[].subnet4[].interface");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].client-class</c>: Only members of this class may use the subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ClientClass = new("Dhcp4.shared-networks[].subnet4[].client-class", ConfigValueType.String, "Only members of this class may use the subnet.", "Kea Dhcp4.shared-networks[].subnet4[].client-class");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].relay.ip-addresses</c>: Relay (giaddr) addresses that select the subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4RelayIpAddresses = new("Dhcp4.shared-networks[].subnet4[].relay.ip-addresses", ConfigValueType.StringList, "Relay (giaddr) addresses that select the subnet.", "Kea Dhcp4.shared-networks[].subnet4[].relay.ip-addresses");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools</c>: Dynamic address pools of the subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Pools = new("Dhcp4.shared-networks[].subnet4[].pools", ConfigValueType.ObjectList, "Dynamic address pools of the subnet.", "Kea Dhcp4.shared-networks[].subnet4[].pools");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].pool</c>: Pool range: 'first - last' or 'address/length', inside the subnet, not overlapping another pool.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsPool = new("Dhcp4.shared-networks[].subnet4[].pools[].pool", ConfigValueType.String, "Pool range: 'first - last' or 'address/length', inside the subnet, not overlapping another pool.", "Kea Dhcp4.shared-networks[].subnet4[].pools[].pool");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].client-class</c>: Only members of this class get addresses from the pool.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsClientClass = new("Dhcp4.shared-networks[].subnet4[].pools[].client-class", ConfigValueType.String, "Only members of this class get addresses from the pool.", "Kea Dhcp4.shared-networks[].subnet4[].pools[].client-class");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data</c>: Options sent to clients from this pool (Kea's option-data).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionData = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data", ConfigValueType.ObjectList, "Options sent to clients from this pool (Kea's option-data).", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionDataName = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data[].name");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionDataCode = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data[].code");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionDataData = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data[].data");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionDataCsvFormat = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data[].csv-format");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionDataAlwaysSend = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data[].always-send");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].pools[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4PoolsOptionDataSpace = new("Dhcp4.shared-networks[].subnet4[].pools[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.shared-networks[].subnet4[].pools[].option-data[].space");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations</c>: Host reservations of the subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Reservations = new("Dhcp4.shared-networks[].subnet4[].reservations", ConfigValueType.ObjectList, "Host reservations of the subnet.", "Kea Dhcp4.shared-networks[].subnet4[].reservations");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].hw-address</c>: Reservation identifier: hardware address (hex, colons allowed).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsHwAddress = new("Dhcp4.shared-networks[].subnet4[].reservations[].hw-address", ConfigValueType.String, "Reservation identifier: hardware address (hex, colons allowed).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].hw-address");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].client-id</c>: Reservation identifier: whole client identifier option 61 (hex).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsClientId = new("Dhcp4.shared-networks[].subnet4[].reservations[].client-id", ConfigValueType.String, "Reservation identifier: whole client identifier option 61 (hex).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].client-id");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].circuit-id</c>: Reservation identifier: relay agent circuit id (hex or quoted text).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsCircuitId = new("Dhcp4.shared-networks[].subnet4[].reservations[].circuit-id", ConfigValueType.String, "Reservation identifier: relay agent circuit id (hex or quoted text).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].circuit-id");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].duid</c>: Reservation identifier: DUID of an RFC 4361 client identifier (hex).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsDuid = new("Dhcp4.shared-networks[].subnet4[].reservations[].duid", ConfigValueType.String, "Reservation identifier: DUID of an RFC 4361 client identifier (hex).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].duid");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].ip-address</c>: Reserved address; must lie inside the subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsIpAddress = new("Dhcp4.shared-networks[].subnet4[].reservations[].ip-address", ConfigValueType.String, "Reserved address; must lie inside the subnet.", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].ip-address");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].hostname</c>: Hostname sent to the reserved client (option 12).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsHostname = new("Dhcp4.shared-networks[].subnet4[].reservations[].hostname", ConfigValueType.String, "Hostname sent to the reserved client (option 12).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].hostname");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].client-classes</c>: Classes the reserved client is made a member of.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsClientClasses = new("Dhcp4.shared-networks[].subnet4[].reservations[].client-classes", ConfigValueType.StringList, "Classes the reserved client is made a member of.", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].client-classes");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].next-server</c>: siaddr (next boot server address) for the reserved client.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsNextServer = new("Dhcp4.shared-networks[].subnet4[].reservations[].next-server", ConfigValueType.String, "siaddr (next boot server address) for the reserved client.", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].next-server");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].server-hostname</c>: sname field for the reserved client.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsServerHostname = new("Dhcp4.shared-networks[].subnet4[].reservations[].server-hostname", ConfigValueType.String, "sname field for the reserved client.", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].server-hostname");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].boot-file-name</c>: file field (boot file) for the reserved client.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsBootFileName = new("Dhcp4.shared-networks[].subnet4[].reservations[].boot-file-name", ConfigValueType.String, "file field (boot file) for the reserved client.", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].boot-file-name");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data</c>: Options sent to clients to the reserved client (Kea's option-data).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionData = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data", ConfigValueType.ObjectList, "Options sent to clients to the reserved client (Kea's option-data).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionDataName = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].name");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionDataCode = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].code");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionDataData = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].data");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionDataCsvFormat = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].csv-format");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionDataAlwaysSend = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].always-send");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ReservationsOptionDataSpace = new("Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.shared-networks[].subnet4[].reservations[].option-data[].space");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].valid-lifetime</c>: Lease lifetime in seconds in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ValidLifetime = new("Dhcp4.shared-networks[].subnet4[].valid-lifetime", ConfigValueType.Long, "Lease lifetime in seconds in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].valid-lifetime");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].renew-timer</c>: T1 (option 58) in seconds in this subnet; not above rebind-timer.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4RenewTimer = new("Dhcp4.shared-networks[].subnet4[].renew-timer", ConfigValueType.Long, "T1 (option 58) in seconds in this subnet; not above rebind-timer.", "Kea Dhcp4.shared-networks[].subnet4[].renew-timer");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].rebind-timer</c>: T2 (option 59) in seconds in this subnet; not above valid-lifetime.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4RebindTimer = new("Dhcp4.shared-networks[].subnet4[].rebind-timer", ConfigValueType.Long, "T2 (option 59) in seconds in this subnet; not above valid-lifetime.", "Kea Dhcp4.shared-networks[].subnet4[].rebind-timer");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].t1-percent</c>: T1 as a fraction of the lifetime when renew-timer is not set in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4T1Percent = new("Dhcp4.shared-networks[].subnet4[].t1-percent", ConfigValueType.Double, "T1 as a fraction of the lifetime when renew-timer is not set in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].t1-percent");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].t2-percent</c>: T2 as a fraction of the lifetime when rebind-timer is not set in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4T2Percent = new("Dhcp4.shared-networks[].subnet4[].t2-percent", ConfigValueType.Double, "T2 as a fraction of the lifetime when rebind-timer is not set in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].t2-percent");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].match-client-id</c>: Identify clients by client identifier (option 61) before hardware address in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4MatchClientId = new("Dhcp4.shared-networks[].subnet4[].match-client-id", ConfigValueType.Boolean, "Identify clients by client identifier (option 61) before hardware address in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].match-client-id");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].authoritative</c>: NAK requests for addresses the server does not know in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Authoritative = new("Dhcp4.shared-networks[].subnet4[].authoritative", ConfigValueType.Boolean, "NAK requests for addresses the server does not know in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].authoritative");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].allocator</c>: How free addresses are picked: iterative or random in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4Allocator = new("Dhcp4.shared-networks[].subnet4[].allocator", ConfigValueType.String, "How free addresses are picked: iterative or random in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].allocator");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].next-server</c>: siaddr (next boot server address) in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4NextServer = new("Dhcp4.shared-networks[].subnet4[].next-server", ConfigValueType.String, "siaddr (next boot server address) in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].next-server");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].server-hostname</c>: sname field in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4ServerHostname = new("Dhcp4.shared-networks[].subnet4[].server-hostname", ConfigValueType.String, "sname field in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].server-hostname");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].boot-file-name</c>: file field (boot file) in this subnet.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4BootFileName = new("Dhcp4.shared-networks[].subnet4[].boot-file-name", ConfigValueType.String, "file field (boot file) in this subnet.", "Kea Dhcp4.shared-networks[].subnet4[].boot-file-name");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data</c>: Options sent to clients in this subnet (Kea's option-data).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionData = new("Dhcp4.shared-networks[].subnet4[].option-data", ConfigValueType.ObjectList, "Options sent to clients in this subnet (Kea's option-data).", "Kea Dhcp4.shared-networks[].subnet4[].option-data");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionDataName = new("Dhcp4.shared-networks[].subnet4[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.shared-networks[].subnet4[].option-data[].name");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionDataCode = new("Dhcp4.shared-networks[].subnet4[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.shared-networks[].subnet4[].option-data[].code");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionDataData = new("Dhcp4.shared-networks[].subnet4[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.shared-networks[].subnet4[].option-data[].data");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionDataCsvFormat = new("Dhcp4.shared-networks[].subnet4[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.shared-networks[].subnet4[].option-data[].csv-format");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionDataAlwaysSend = new("Dhcp4.shared-networks[].subnet4[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.shared-networks[].subnet4[].option-data[].always-send");

    /// <summary><c>Dhcp4.shared-networks[].subnet4[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey SharedNetworksSubnet4OptionDataSpace = new("Dhcp4.shared-networks[].subnet4[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.shared-networks[].subnet4[].option-data[].space");

    /// <summary><c>Dhcp4.client-classes</c>: Client classes, evaluated in order.</summary>
    public static readonly ConfigKey ClientClasses = new("Dhcp4.client-classes", ConfigValueType.ObjectList, "Client classes, evaluated in order.", "Kea Dhcp4.client-classes");

    /// <summary><c>Dhcp4.client-classes[].name</c>: Class name, unique, not a built-in class.</summary>
    public static readonly ConfigKey ClientClassesName = new("Dhcp4.client-classes[].name", ConfigValueType.String, "Class name, unique, not a built-in class.", "Kea Dhcp4.client-classes[].name");

    /// <summary><c>Dhcp4.client-classes[].test</c>: Boolean expression deciding membership (Kea's expression language).</summary>
    public static readonly ConfigKey ClientClassesTest = new("Dhcp4.client-classes[].test", ConfigValueType.String, "Boolean expression deciding membership (Kea's expression language).", "Kea Dhcp4.client-classes[].test");

    /// <summary><c>Dhcp4.client-classes[].valid-lifetime</c>: Lease lifetime in seconds for members.</summary>
    public static readonly ConfigKey ClientClassesValidLifetime = new("Dhcp4.client-classes[].valid-lifetime", ConfigValueType.Long, "Lease lifetime in seconds for members.", "Kea Dhcp4.client-classes[].valid-lifetime");

    /// <summary><c>Dhcp4.client-classes[].next-server</c>: siaddr (next boot server address) for members.</summary>
    public static readonly ConfigKey ClientClassesNextServer = new("Dhcp4.client-classes[].next-server", ConfigValueType.String, "siaddr (next boot server address) for members.", "Kea Dhcp4.client-classes[].next-server");

    /// <summary><c>Dhcp4.client-classes[].server-hostname</c>: sname field for members.</summary>
    public static readonly ConfigKey ClientClassesServerHostname = new("Dhcp4.client-classes[].server-hostname", ConfigValueType.String, "sname field for members.", "Kea Dhcp4.client-classes[].server-hostname");

    /// <summary><c>Dhcp4.client-classes[].boot-file-name</c>: file field (boot file) for members.</summary>
    public static readonly ConfigKey ClientClassesBootFileName = new("Dhcp4.client-classes[].boot-file-name", ConfigValueType.String, "file field (boot file) for members.", "Kea Dhcp4.client-classes[].boot-file-name");

    /// <summary><c>Dhcp4.client-classes[].option-data</c>: Options sent to clients to members (Kea's option-data).</summary>
    public static readonly ConfigKey ClientClassesOptionData = new("Dhcp4.client-classes[].option-data", ConfigValueType.ObjectList, "Options sent to clients to members (Kea's option-data).", "Kea Dhcp4.client-classes[].option-data");

    /// <summary><c>Dhcp4.client-classes[].option-data[].name</c>: Option name from the standard table or an option-def (name or code required).</summary>
    public static readonly ConfigKey ClientClassesOptionDataName = new("Dhcp4.client-classes[].option-data[].name", ConfigValueType.String, "Option name from the standard table or an option-def (name or code required).", "Kea Dhcp4.client-classes[].option-data[].name");

    /// <summary><c>Dhcp4.client-classes[].option-data[].code</c>: Option code 1..254 (name or code required; both must agree).</summary>
    public static readonly ConfigKey ClientClassesOptionDataCode = new("Dhcp4.client-classes[].option-data[].code", ConfigValueType.Int, "Option code 1..254 (name or code required; both must agree).", "Kea Dhcp4.client-classes[].option-data[].code");

    /// <summary><c>Dhcp4.client-classes[].option-data[].data</c>: Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).</summary>
    public static readonly ConfigKey ClientClassesOptionDataData = new("Dhcp4.client-classes[].option-data[].data", ConfigValueType.String, "Option value: comma-separated text per the option's type (csv-format true) or hex (csv-format false).", "Kea Dhcp4.client-classes[].option-data[].data");

    /// <summary><c>Dhcp4.client-classes[].option-data[].csv-format</c>: true: data is text per the option definition; false: data is hex.</summary>
    public static readonly ConfigKey ClientClassesOptionDataCsvFormat = new("Dhcp4.client-classes[].option-data[].csv-format", ConfigValueType.Boolean, "true: data is text per the option definition; false: data is hex.", "Kea Dhcp4.client-classes[].option-data[].csv-format");

    /// <summary><c>Dhcp4.client-classes[].option-data[].always-send</c>: Send the option even when the client did not request it (option 55).</summary>
    public static readonly ConfigKey ClientClassesOptionDataAlwaysSend = new("Dhcp4.client-classes[].option-data[].always-send", ConfigValueType.Boolean, "Send the option even when the client did not request it (option 55).", "Kea Dhcp4.client-classes[].option-data[].always-send");

    /// <summary><c>Dhcp4.client-classes[].option-data[].space</c>: Option space (dhcp4 unless the option belongs to an encapsulated space).</summary>
    public static readonly ConfigKey ClientClassesOptionDataSpace = new("Dhcp4.client-classes[].option-data[].space", ConfigValueType.String, "Option space (dhcp4 unless the option belongs to an encapsulated space).", "Kea Dhcp4.client-classes[].option-data[].space");

    /// <summary><c>Dhcp4.option-def</c>: Custom option definitions.</summary>
    public static readonly ConfigKey OptionDef = new("Dhcp4.option-def", ConfigValueType.ObjectList, "Custom option definitions.", "Kea Dhcp4.option-def");

    /// <summary><c>Dhcp4.option-def[].name</c>: Option name.</summary>
    public static readonly ConfigKey OptionDefName = new("Dhcp4.option-def[].name", ConfigValueType.String, "Option name.", "Kea Dhcp4.option-def[].name");

    /// <summary><c>Dhcp4.option-def[].code</c>: Option code 1..254.</summary>
    public static readonly ConfigKey OptionDefCode = new("Dhcp4.option-def[].code", ConfigValueType.Int, "Option code 1..254.", "Kea Dhcp4.option-def[].code");

    /// <summary><c>Dhcp4.option-def[].type</c>: Option data type (uint8, ipv4-address, string, record, ...).</summary>
    public static readonly ConfigKey OptionDefType = new("Dhcp4.option-def[].type", ConfigValueType.String, "Option data type (uint8, ipv4-address, string, record, ...).", "Kea Dhcp4.option-def[].type");

    /// <summary><c>Dhcp4.option-def[].array</c>: The option is an array of its type.</summary>
    public static readonly ConfigKey OptionDefArray = new("Dhcp4.option-def[].array", ConfigValueType.Boolean, "The option is an array of its type.", "Kea Dhcp4.option-def[].array");

    /// <summary><c>Dhcp4.option-def[].record-types</c>: Comma-separated field types of a record option.</summary>
    public static readonly ConfigKey OptionDefRecordTypes = new("Dhcp4.option-def[].record-types", ConfigValueType.String, "Comma-separated field types of a record option.", "Kea Dhcp4.option-def[].record-types");

    /// <summary><c>Dhcp4.option-def[].space</c>: Option space of the definition.</summary>
    public static readonly ConfigKey OptionDefSpace = new("Dhcp4.option-def[].space", ConfigValueType.String, "Option space of the definition.", "Kea Dhcp4.option-def[].space");

    /// <summary><c>Dhcp4.option-def[].encapsulate</c>: Option space encapsulated in this option.</summary>
    public static readonly ConfigKey OptionDefEncapsulate = new("Dhcp4.option-def[].encapsulate", ConfigValueType.String, "Option space encapsulated in this option.", "Kea Dhcp4.option-def[].encapsulate");

    /// <summary><c>Dhcp4.loggers</c>: Loggers (Kea's logging configuration).</summary>
    public static readonly ConfigKey Loggers = new("Dhcp4.loggers", ConfigValueType.ObjectList, "Loggers (Kea's logging configuration).", "Kea Dhcp4.loggers");

    /// <summary><c>Dhcp4.loggers[].name</c>: Logger name (kea-dhcp4, kea-dhcp4.packets, ...).</summary>
    public static readonly ConfigKey LoggersName = new("Dhcp4.loggers[].name", ConfigValueType.String, "Logger name (kea-dhcp4, kea-dhcp4.packets, ...).", "Kea Dhcp4.loggers[].name");

    /// <summary><c>Dhcp4.loggers[].severity</c>: FATAL, ERROR, WARN, INFO, DEBUG or NONE.</summary>
    public static readonly ConfigKey LoggersSeverity = new("Dhcp4.loggers[].severity", ConfigValueType.String, "FATAL, ERROR, WARN, INFO, DEBUG or NONE.", "Kea Dhcp4.loggers[].severity");

    /// <summary><c>Dhcp4.loggers[].debuglevel</c>: Debug verbosity 0..99 when severity is DEBUG.</summary>
    public static readonly ConfigKey LoggersDebuglevel = new("Dhcp4.loggers[].debuglevel", ConfigValueType.Int, "Debug verbosity 0..99 when severity is DEBUG.", "Kea Dhcp4.loggers[].debuglevel");

    /// <summary><c>Dhcp4.loggers[].output_options</c>: Where the logger writes.</summary>
    public static readonly ConfigKey LoggersOutputOptions = new("Dhcp4.loggers[].output_options", ConfigValueType.ObjectList, "Where the logger writes.", "Kea Dhcp4.loggers[].output_options");

    /// <summary><c>Dhcp4.loggers[].output_options[].output</c>: stdout, stderr, syslog, syslog:name or a file path.</summary>
    public static readonly ConfigKey LoggersOutputOptionsOutput = new("Dhcp4.loggers[].output_options[].output", ConfigValueType.String, "stdout, stderr, syslog, syslog:name or a file path.", "Kea Dhcp4.loggers[].output_options[].output");

    /// <summary><c>Dhcp4.loggers[].output_options[].maxsize</c>: Bytes before a log file rolls over (0: never).</summary>
    public static readonly ConfigKey LoggersOutputOptionsMaxsize = new("Dhcp4.loggers[].output_options[].maxsize", ConfigValueType.Long, "Bytes before a log file rolls over (0: never).", "Kea Dhcp4.loggers[].output_options[].maxsize");

    /// <summary><c>Dhcp4.loggers[].output_options[].maxver</c>: Rolled-over log files kept.</summary>
    public static readonly ConfigKey LoggersOutputOptionsMaxver = new("Dhcp4.loggers[].output_options[].maxver", ConfigValueType.Int, "Rolled-over log files kept.", "Kea Dhcp4.loggers[].output_options[].maxver");

    /// <summary><c>Dhcp4.loggers[].output_options[].flush</c>: Flush after every message.</summary>
    public static readonly ConfigKey LoggersOutputOptionsFlush = new("Dhcp4.loggers[].output_options[].flush", ConfigValueType.Boolean, "Flush after every message.", "Kea Dhcp4.loggers[].output_options[].flush");

    /// <summary><c>Dhcp4.loggers[].output_options[].pattern</c>: Message layout (log4cplus pattern).</summary>
    public static readonly ConfigKey LoggersOutputOptionsPattern = new("Dhcp4.loggers[].output_options[].pattern", ConfigValueType.String, "Message layout (log4cplus pattern).", "Kea Dhcp4.loggers[].output_options[].pattern");

    /// <summary><c>Dhcp4.hooks-libraries</c>: Hook libraries: lease_cmds needs nothing, HA is parsed (it arrives with the cluster), others are reported.</summary>
    public static readonly ConfigKey HooksLibraries = new("Dhcp4.hooks-libraries", ConfigValueType.ObjectList, "Hook libraries: lease_cmds needs nothing, HA is parsed (it arrives with the cluster), others are reported.", "Kea Dhcp4.hooks-libraries");

    /// <summary><c>Dhcp4.hooks-libraries[].library</c>: Path of the hook library.</summary>
    public static readonly ConfigKey HooksLibrariesLibrary = new("Dhcp4.hooks-libraries[].library", ConfigValueType.String, "Path of the hook library.", "Kea Dhcp4.hooks-libraries[].library");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters</c>: The library's parameters (read for the HA hook).</summary>
    public static readonly ConfigKey HooksLibrariesParameters = new("Dhcp4.hooks-libraries[].parameters", ConfigValueType.Any, "The library's parameters (read for the HA hook).", "Kea Dhcp4.hooks-libraries[].parameters");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability</c>: HA relationships of the HA hook (one is read).</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailability = new("Dhcp4.hooks-libraries[].parameters.high-availability", ConfigValueType.ObjectList, "HA relationships of the HA hook (one is read).", "Kea Dhcp4.hooks-libraries[].parameters.high-availability");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].this-server-name</c>: Name of this server among the peers.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityThisServerName = new("Dhcp4.hooks-libraries[].parameters.high-availability[].this-server-name", ConfigValueType.String, "Name of this server among the peers.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].this-server-name");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].mode</c>: load-balancing, hot-standby or passive-backup.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityMode = new("Dhcp4.hooks-libraries[].parameters.high-availability[].mode", ConfigValueType.String, "load-balancing, hot-standby or passive-backup.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].mode");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].heartbeat-delay</c>: Interval between heartbeats; a plain number is milliseconds, as in Kea.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityHeartbeatDelay = new("Dhcp4.hooks-libraries[].parameters.high-availability[].heartbeat-delay", ConfigValueType.Duration, "Interval between heartbeats; a plain number is milliseconds, as in Kea.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].heartbeat-delay");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].max-response-delay</c>: Silence after which communication with the partner is interrupted; plain number: milliseconds.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityMaxResponseDelay = new("Dhcp4.hooks-libraries[].parameters.high-availability[].max-response-delay", ConfigValueType.Duration, "Silence after which communication with the partner is interrupted; plain number: milliseconds.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].max-response-delay");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].max-ack-delay</c>: Client wait (secs field) after which a client counts as unacked; plain number: milliseconds.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityMaxAckDelay = new("Dhcp4.hooks-libraries[].parameters.high-availability[].max-ack-delay", ConfigValueType.Duration, "Client wait (secs field) after which a client counts as unacked; plain number: milliseconds.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].max-ack-delay");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].max-unacked-clients</c>: Unacked clients that make the partner count as down.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityMaxUnackedClients = new("Dhcp4.hooks-libraries[].parameters.high-availability[].max-unacked-clients", ConfigValueType.Int, "Unacked clients that make the partner count as down.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].max-unacked-clients");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].max-rejected-lease-updates</c>: Rejected lease updates tolerated before the server terminates HA.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityMaxRejectedLeaseUpdates = new("Dhcp4.hooks-libraries[].parameters.high-availability[].max-rejected-lease-updates", ConfigValueType.Int, "Rejected lease updates tolerated before the server terminates HA.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].max-rejected-lease-updates");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].delayed-updates-limit</c>: Lease updates queued in communication-recovery.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityDelayedUpdatesLimit = new("Dhcp4.hooks-libraries[].parameters.high-availability[].delayed-updates-limit", ConfigValueType.Int, "Lease updates queued in communication-recovery.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].delayed-updates-limit");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].send-lease-updates</c>: Send lease updates to the partner.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilitySendLeaseUpdates = new("Dhcp4.hooks-libraries[].parameters.high-availability[].send-lease-updates", ConfigValueType.Boolean, "Send lease updates to the partner.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].send-lease-updates");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].sync-leases</c>: Fetch the partner's leases at start.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilitySyncLeases = new("Dhcp4.hooks-libraries[].parameters.high-availability[].sync-leases", ConfigValueType.Boolean, "Fetch the partner's leases at start.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].sync-leases");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].sync-timeout</c>: Timeout of the lease synchronisation; plain number: milliseconds.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilitySyncTimeout = new("Dhcp4.hooks-libraries[].parameters.high-availability[].sync-timeout", ConfigValueType.Duration, "Timeout of the lease synchronisation; plain number: milliseconds.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].sync-timeout");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].sync-page-limit</c>: Leases per synchronisation page.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilitySyncPageLimit = new("Dhcp4.hooks-libraries[].parameters.high-availability[].sync-page-limit", ConfigValueType.Int, "Leases per synchronisation page.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].sync-page-limit");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].wait-backup-ack</c>: Wait for backup servers to acknowledge lease updates.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityWaitBackupAck = new("Dhcp4.hooks-libraries[].parameters.high-availability[].wait-backup-ack", ConfigValueType.Boolean, "Wait for backup servers to acknowledge lease updates.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].wait-backup-ack");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].peers</c>: The servers of the relationship.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityPeers = new("Dhcp4.hooks-libraries[].parameters.high-availability[].peers", ConfigValueType.ObjectList, "The servers of the relationship.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].peers");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].name</c>: Peer name.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityPeersName = new("Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].name", ConfigValueType.String, "Peer name.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].name");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].url</c>: Peer control channel URL.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityPeersUrl = new("Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].url", ConfigValueType.String, "Peer control channel URL.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].url");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].role</c>: primary, secondary, standby or backup.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityPeersRole = new("Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].role", ConfigValueType.String, "primary, secondary, standby or backup.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].role");

    /// <summary><c>Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].auto-failover</c>: Take over automatically when this peer fails.</summary>
    public static readonly ConfigKey HooksLibrariesParametersHighAvailabilityPeersAutoFailover = new("Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].auto-failover", ConfigValueType.Boolean, "Take over automatically when this peer fails.", "Kea Dhcp4.hooks-libraries[].parameters.high-availability[].peers[].auto-failover");
}
