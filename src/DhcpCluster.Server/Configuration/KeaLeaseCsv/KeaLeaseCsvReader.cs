using System.Globalization;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Server.Configuration.KeaLeaseCsv;

/// <summary>
/// Reads Kea's memfile lease file (<c>kea-leases4.csv</c>): a header line naming the columns
/// (<c>address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context[,pool_id]</c>),
/// then one row per lease change; the file is an append log, so the last row for an address wins. Identifiers are hex
/// with colons; commas inside text are written <c>&amp;#x2c</c>. States: 0 default (bound), 1 declined,
/// 2 expired-reclaimed, 3 released; a row with <c>valid_lifetime</c> 0 deletes the address's lease (Kea writes a
/// released lease so). Pure code: rows become <see cref="Lease"/> values; bad rows are reported with
/// their line number and skipped.
/// </summary>
public static class KeaLeaseCsvReader
{
    private static readonly string[] RequiredColumns = ["address", "hwaddr", "client_id", "valid_lifetime", "expire", "subnet_id", "state"];

    /// <summary>Reads a lease file.</summary>
    public static KeaLeaseCsvResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads lease file text.</summary>
    public static KeaLeaseCsvResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<KeaLeaseCsvError>();
        var leases = new Dictionary<uint, Lease>();
        var header = reader.ReadLine();
        if (header is null)
        {
            errors.Add(new KeaLeaseCsvError(1, "the file is empty: expected the header line of a Kea lease file"));
            return new KeaLeaseCsvResult([], errors, 0);
        }

        var columns = header.Split(',').Select(c => c.Trim()).ToArray();
        var missing = RequiredColumns.Where(c => Array.IndexOf(columns, c) < 0).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new KeaLeaseCsvError(1, $"not a Kea DHCPv4 lease file header: missing column(s) {string.Join(", ", missing)}"));
            return new KeaLeaseCsvResult([], errors, 0);
        }

        var layout = new ColumnLayout(columns);
        var lineNumber = 1;
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            rows++;
            if (TryParseRow(line, layout, out var lease, out var problem))
            {
                if (lease.ValidLifetime == 0)
                {
                    // Kea writes a deleted (e.g. released) lease as a row with lifetime 0.
                    leases.Remove(lease.Address.Value);
                }
                else
                {
                    leases[lease.Address.Value] = lease;
                }
            }
            else
            {
                errors.Add(new KeaLeaseCsvError(lineNumber, problem));
            }
        }

        return new KeaLeaseCsvResult([.. leases.Values.OrderBy(l => l.Address.Value)], errors, rows);
    }

    private sealed class ColumnLayout(string[] columns)
    {
        public int Count { get; } = columns.Length;

        public int Address { get; } = Array.IndexOf(columns, "address");

        public int HwAddress { get; } = Array.IndexOf(columns, "hwaddr");

        public int ClientId { get; } = Array.IndexOf(columns, "client_id");

        public int ValidLifetime { get; } = Array.IndexOf(columns, "valid_lifetime");

        public int Expire { get; } = Array.IndexOf(columns, "expire");

        public int SubnetId { get; } = Array.IndexOf(columns, "subnet_id");

        public int Hostname { get; } = Array.IndexOf(columns, "hostname");

        public int State { get; } = Array.IndexOf(columns, "state");
    }

    private static bool TryParseRow(string line, ColumnLayout layout, out Lease lease, out string problem)
    {
        var fields = line.Split(',');
        lease = default;
        if (fields.Length != layout.Count)
        {
            problem = $"{fields.Length} fields, the header has {layout.Count}";
            return false;
        }

        if (!Ipv4Address.TryParse(fields[layout.Address].Trim(), out var address))
        {
            problem = $"address '{fields[layout.Address]}' is not an IPv4 address";
            return false;
        }

        if (!TryIdentifiers(fields[layout.HwAddress], fields[layout.ClientId], out var hw, out var clientId, out problem))
        {
            return false;
        }

        if (!TryNumbers(fields, layout, out var lifetime, out var expire, out var subnetId, out problem))
        {
            return false;
        }

        if (!TryState(fields[layout.State], out var state))
        {
            problem = $"state '{fields[layout.State]}' is not a Kea lease state (0 default, 1 declined, 2 expired-reclaimed, 3 released)";
            return false;
        }

        if (hw.Length == 0 && state != LeaseState.Declined)
        {
            problem = "hwaddr is empty (only a declined lease has none)";
            return false;
        }

        var hostname = layout.Hostname >= 0 ? Unescape(fields[layout.Hostname]) : string.Empty;
        problem = string.Empty;
        lease = new Lease(
            address,
            subnetId,
            hw.Length == 0 ? default : ClientKey.FromHardwareAddress(1, hw),
            clientId.Length == 0 ? null : ClientKey.FromClientIdentifier(clientId),
            state,
            lifetime == uint.MaxValue ? expire : expire - lifetime,
            expire,
            lifetime,
            hostname.Length == 0 ? null : hostname);
        return true;
    }

    private static bool TryNumbers(string[] fields, ColumnLayout layout, out uint lifetime, out long expire, out uint subnetId, out string problem)
    {
        expire = 0;
        subnetId = 0;
        if (!uint.TryParse(fields[layout.ValidLifetime], NumberStyles.None, CultureInfo.InvariantCulture, out lifetime))
        {
            problem = $"valid_lifetime '{fields[layout.ValidLifetime]}' is not a number of seconds";
            return false;
        }

        if (!long.TryParse(fields[layout.Expire], NumberStyles.None, CultureInfo.InvariantCulture, out expire))
        {
            problem = $"expire '{fields[layout.Expire]}' is not a time in seconds since 1970";
            return false;
        }

        if (!uint.TryParse(fields[layout.SubnetId], NumberStyles.None, CultureInfo.InvariantCulture, out subnetId) || subnetId == 0)
        {
            problem = $"subnet_id '{fields[layout.SubnetId]}' is not a subnet id";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static bool TryIdentifiers(string hwText, string clientIdText, out byte[] hw, out byte[] clientId, out string problem)
    {
        clientId = [];
        if (!TryHex(hwText, out hw) || hw.Length > 16)
        {
            problem = $"hwaddr '{hwText}' is not a hardware address (hex bytes separated by colons, at most 16)";
            return false;
        }

        if (!TryHex(clientIdText, out clientId) || clientId.Length > 255)
        {
            problem = $"client_id '{clientIdText}' is not a client identifier (hex bytes separated by colons)";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static bool TryState(string text, out LeaseState state)
    {
        (var known, state) = text.Trim() switch
        {
            "0" => (true, LeaseState.Bound),
            "1" => (true, LeaseState.Declined),
            "2" => (true, LeaseState.Expired),
            "3" => (true, LeaseState.Released),
            _ => (false, LeaseState.Bound),
        };
        return known;
    }

    private static string Unescape(string text) => text.Replace("&#x2c", ",", StringComparison.Ordinal);

    private static bool TryHex(string text, out byte[] bytes)
    {
        var span = text.AsSpan().Trim();
        bytes = [];
        if (span.IsEmpty)
        {
            return true;
        }

        var result = new List<byte>(span.Length / 3 + 1);
        foreach (var range in span.Split(':'))
        {
            var part = span[range];
            if (part.Length is 0 or > 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            result.Add(value);
        }

        bytes = [.. result];
        return true;
    }
}
