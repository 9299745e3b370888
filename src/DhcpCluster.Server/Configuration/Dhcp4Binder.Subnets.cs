using System.Globalization;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Classification;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

internal sealed partial class Dhcp4Binder
{
    /// <summary>Ids written in the file, so automatic ids (Kea numbers subnets without one) never collide with them.</summary>
    private void CollectExplicitIds(Config dhcp4)
    {
        foreach (var (listKey, keys) in new[] { (Dhcp4ConfigKeys.Subnet4, Dhcp4KeySets.Subnet) })
        {
            AddIds(dhcp4, listKey, keys);
        }

        try
        {
            if (dhcp4.HasPath(Dhcp4ConfigKeys.SharedNetworks))
            {
                foreach (var network in dhcp4.GetConfigList(Dhcp4ConfigKeys.SharedNetworks))
                {
                    AddIds(network, Dhcp4ConfigKeys.SharedNetworksSubnet4, Dhcp4KeySets.SharedNetworkSubnet);
                }
            }
        }
        catch (ConfigException)
        {
            // reported when the list is bound
        }
    }

    private void AddIds(Config parent, ConfigKey listKey, SubnetKeys keys)
    {
        try
        {
            if (!parent.HasPath(listKey))
            {
                return;
            }

            foreach (var element in parent.GetConfigList(listKey))
            {
                if (element.HasPath(keys.Id) && element.GetValue(keys.Id) is { } && TryLong(element, keys.Id) is { } id and > 0 and <= uint.MaxValue)
                {
                    explicitIds.Add((uint)id);
                }
            }
        }
        catch (ConfigException)
        {
            // reported when the list is bound
        }
    }

    private static long? TryLong(Config element, ConfigKey key)
    {
        try
        {
            return element.GetLong(key);
        }
        catch (ConfigException)
        {
            return null;
        }
    }

    private uint? SubnetId(Config element, SubnetKeys keys)
    {
        if (!element.HasPath(keys.Id))
        {
            while (explicitIds.Contains(nextAutomaticId))
            {
                nextAutomaticId++;
            }

            var id = nextAutomaticId++;
            reader.Warning(element, keys.Id, string.Create(CultureInfo.InvariantCulture, $"missing: id {id} assigned in order, as Kea does; write ids explicitly, as leases follow the subnet id"));
            return id;
        }

        var value = reader.Long(element, keys.Id);
        if (value is null)
        {
            return null;
        }

        if (value is < 1 or > 4294967294)
        {
            reader.Error(element, keys.Id, $"{value} is out of range: expected 1 to 4294967294");
            return null;
        }

        return (uint)value.Value;
    }

    private Subnet4? BindSubnet(Config element, SubnetKeys keys, ScopeValues global, ScopeValues? network)
    {
        var errorsBefore = reader.ErrorCount;
        var id = SubnetId(element, keys);
        var prefix = reader.Required(element, keys.Subnet, "a subnet needs its prefix, address/length");
        Subnet4? shape = null;
        if (id is not null && prefix is not null)
        {
            try
            {
                shape = new Subnet4(id.Value, prefix.Trim());
            }
            catch (FormatException e)
            {
                reader.Error(element, keys.Subnet, e.Message);
            }
        }

        var scope = BindScope(element, keys.Scope);
        CheckTimers(scope, network, global);
        var clientClass = ClassReference(element, keys.ClientClass);
        var relays = Addresses(element, keys.RelayAddresses);
        var iface = reader.String(element, keys.Interface);
        if (shape is null)
        {
            return null;
        }

        var pools = BindPools(element, keys, shape);
        var reservations = BindReservations(element, keys.Reservations, shape);
        if (reader.ErrorCount > errorsBefore)
        {
            return null;
        }

        var subnet = new Subnet4(shape.Id, prefix!.Trim())
        {
            Pools = pools,
            Reservations = reservations,
            Interface = iface,
            RelayAddresses = relays,
            ClientClass = clientClass,
            ValidLifetime = scope.ValidLifetime,
            RenewTimer = scope.RenewTimer,
            RebindTimer = scope.RebindTimer,
            T1Percent = scope.T1Percent,
            T2Percent = scope.T2Percent,
            MatchClientId = scope.MatchClientId,
            Authoritative = scope.Authoritative,
            Allocator = scope.Allocator,
            NextServer = scope.NextServer,
            ServerHostname = scope.ServerHostname,
            BootFileName = scope.BootFileName,
            OptionData = scope.Options,
        };
        boundSubnets.Add(new BoundSubnet(subnet, element, keys, boundSubnets.Count));
        return subnet;
    }

    private List<Pool4> BindPools(Config subnetElement, SubnetKeys keys, Subnet4 subnet)
    {
        var pools = new List<(Pool4 Pool, Config Element)>();
        foreach (var element in reader.List(subnetElement, keys.Pools))
        {
            var text = reader.Required(element, keys.Pool, "a pool needs its range, 'first - last' or 'address/length'");
            var clientClass = ClassReference(element, keys.PoolClientClass);
            var options = BindOptions(element, keys.PoolOptions);
            if (text is null)
            {
                continue;
            }

            Pool4 range;
            try
            {
                range = Pool4.Parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                reader.Error(element, keys.Pool, e.Message);
                continue;
            }

            if (!subnet.Contains(range.First) || !subnet.Contains(range.Last))
            {
                reader.Error(element, keys.Pool, $"pool {range} is outside the subnet {subnet.Network}/{subnet.PrefixLength}");
                continue;
            }

            var overlapped = pools.Find(p => range.First <= p.Pool.Last && p.Pool.First <= range.Last);
            if (overlapped.Pool is not null)
            {
                reader.Error(element, keys.Pool, $"pool {range} overlaps pool {overlapped.Pool} ({overlapped.Element.Position})");
                continue;
            }

            pools.Add((new Pool4(range.First, range.Last) { ClientClass = clientClass, OptionData = options }, element));
        }

        return [.. pools.Select(p => p.Pool)];
    }

    private List<HostReservation> BindReservations(Config subnetElement, ReservationKeys keys, Subnet4 subnet)
    {
        var reservations = new List<HostReservation>();
        var byIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        var byAddress = new Dictionary<Ipv4Address, string>();
        foreach (var element in reader.List(subnetElement, keys.List))
        {
            if (BindReservation(element, keys, subnet, byIdentifier, byAddress) is { } reservation)
            {
                reservations.Add(reservation);
            }
        }

        return reservations;
    }

    private HostReservation? BindReservation(Config element, ReservationKeys keys, Subnet4 subnet, Dictionary<string, string> byIdentifier, Dictionary<Ipv4Address, string> byAddress)
    {
        var errorsBefore = reader.ErrorCount;
        var (hw, clientId, circuit, duid) = ReservationIdentifiers(element, keys, byIdentifier);
        var address = reader.Address(element, keys.IpAddress);
        if (address is { } ip)
        {
            if (!subnet.Contains(ip))
            {
                reader.Error(element, keys.IpAddress, $"reserved address {ip} is outside the subnet {subnet.Network}/{subnet.PrefixLength}");
            }
            else if (byAddress.TryGetValue(ip, out var first))
            {
                reader.Error(element, keys.IpAddress, $"address {ip} is already reserved ({first})");
            }
            else
            {
                byAddress.Add(ip, element.Position);
            }
        }

        var classes = reader.StringList(element, keys.ClientClasses) ?? [];
        foreach (var name in classes)
        {
            if (!classNames.Contains(name))
            {
                reader.Error(element, keys.ClientClasses, $"'{name}' is not a defined client class");
            }
        }

        var hostname = reader.String(element, keys.Hostname);
        var next = reader.Address(element, keys.Boot.NextServer);
        var sname = reader.String(element, keys.Boot.ServerHostname);
        var file = reader.String(element, keys.Boot.BootFileName);
        var options = BindOptions(element, keys.Options);
        if (reader.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new HostReservation
        {
            HwAddress = Memory(hw),
            ClientId = Memory(clientId),
            CircuitId = Memory(circuit),
            Duid = Memory(duid),
            IpAddress = address,
            Hostname = hostname,
            ClientClasses = classes,
            NextServer = next,
            ServerHostname = sname,
            BootFileName = file,
            OptionData = options,
        };
    }

    private (byte[]? Hw, byte[]? ClientId, byte[]? Circuit, byte[]? Duid) ReservationIdentifiers(Config element, ReservationKeys keys, Dictionary<string, string> byIdentifier)
    {
        var hw = Identifier(element, keys.HwAddress, allowText: false);
        var clientId = Identifier(element, keys.ClientId, allowText: true);
        var circuit = Identifier(element, keys.CircuitId, allowText: true);
        var duid = Identifier(element, keys.Duid, allowText: false);
        var given = new[] { (hw, keys.HwAddress), (clientId, keys.ClientId), (circuit, keys.CircuitId), (duid, keys.Duid) }
            .Where(i => element.HasPath(i.Item2)).ToList();
        if (given.Count != 1)
        {
            var key = given.Count == 0 ? keys.HwAddress : given[1].Item2;
            reader.Error(element, key, given.Count == 0
                ? "a reservation needs one identifier: hw-address, client-id, circuit-id or duid"
                : "a reservation takes exactly one identifier of hw-address, client-id, circuit-id, duid");
        }
        else if (given[0].Item1 is { } value)
        {
            var identity = given[0].Item2.Name + "=" + Convert.ToHexString(value);
            if (byIdentifier.TryGetValue(identity, out var first))
            {
                reader.Error(element, given[0].Item2, $"{given[0].Item2.Name} {FormatHex(value)} is already reserved ({first})");
            }
            else
            {
                byIdentifier.Add(identity, element.Position);
            }
        }

        return (hw, clientId, circuit, duid);
    }

    // A null array must stay "no identifier": the null literal would convert to an empty ReadOnlyMemory (through byte[]).
    private static ReadOnlyMemory<byte>? Memory(byte[]? bytes) => bytes is null ? default(ReadOnlyMemory<byte>?) : new ReadOnlyMemory<byte>(bytes);

    private static string FormatHex(byte[] value) => string.Join(':', value.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>Kea's identifier text: hex (<c>01:aa:bb</c>, <c>01aabb</c>, <c>0x01aabb</c>) or, where Kea allows it, quoted text <c>'abc'</c>.</summary>
    private byte[]? Identifier(Config element, ConfigKey key, bool allowText)
    {
        var text = reader.String(element, key);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (allowText && trimmed.Length >= 2 && trimmed[0] == '\'' && trimmed[^1] == '\'')
        {
            if (trimmed.Length == 2)
            {
                reader.Error(element, key, "the quoted identifier is empty");
                return null;
            }

            return System.Text.Encoding.UTF8.GetBytes(trimmed[1..^1]);
        }

        try
        {
            return HostReservation.ParseHexIdentifier(trimmed);
        }
        catch (FormatException e)
        {
            reader.Error(element, key, e.Message);
            return null;
        }
    }

    private List<Ipv4Address> Addresses(Config element, ConfigKey key)
    {
        var texts = reader.StringList(element, key) ?? [];
        var result = new List<Ipv4Address>(texts.Count);
        foreach (var text in texts)
        {
            if (Ipv4Address.TryParse(text.Trim(), out var address))
            {
                result.Add(address);
            }
            else
            {
                reader.Error(element, key, $"'{text}' is not an IPv4 address");
            }
        }

        return result;
    }

    private string? ClassReference(Config element, ConfigKey key)
    {
        var name = reader.String(element, key);
        if (name is not null && !classNames.Contains(name) && !ClientClassCatalog.IsBuiltIn(name))
        {
            reader.Error(element, key, $"'{name}' is not a defined client class");
            return null;
        }

        return name;
    }

    private List<SharedNetwork4> BindSharedNetworks(Config dhcp4, ScopeValues global)
    {
        var networks = new List<SharedNetwork4>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in reader.List(dhcp4, Dhcp4ConfigKeys.SharedNetworks))
        {
            var errorsBefore = reader.ErrorCount;
            var name = reader.Required(element, Dhcp4ConfigKeys.SharedNetworksName, "a shared network needs a name");
            if (name is not null)
            {
                if (names.TryGetValue(name, out var first))
                {
                    reader.Error(element, Dhcp4ConfigKeys.SharedNetworksName, $"shared network '{name}' is already defined ({first})");
                }
                else
                {
                    names.Add(name, element.Position);
                }
            }

            var scope = BindScope(element, Dhcp4KeySets.SharedNetwork);
            CheckTimers(scope, null, global);
            var clientClass = ClassReference(element, Dhcp4ConfigKeys.SharedNetworksClientClass);
            var relays = Addresses(element, Dhcp4ConfigKeys.SharedNetworksRelayIpAddresses);
            var iface = reader.String(element, Dhcp4ConfigKeys.SharedNetworksInterface);
            var subnets = new List<Subnet4>();
            foreach (var subnetElement in reader.List(element, Dhcp4ConfigKeys.SharedNetworksSubnet4))
            {
                if (BindSubnet(subnetElement, Dhcp4KeySets.SharedNetworkSubnet, global, scope) is { } subnet)
                {
                    subnets.Add(subnet);
                }
            }

            if (reader.ErrorCount > errorsBefore || name is null)
            {
                continue;
            }

            networks.Add(new SharedNetwork4(name, subnets)
            {
                Interface = iface,
                RelayAddresses = relays,
                ClientClass = clientClass,
                ValidLifetime = scope.ValidLifetime,
                RenewTimer = scope.RenewTimer,
                RebindTimer = scope.RebindTimer,
                T1Percent = scope.T1Percent,
                T2Percent = scope.T2Percent,
                MatchClientId = scope.MatchClientId,
                Authoritative = scope.Authoritative,
                Allocator = scope.Allocator,
                NextServer = scope.NextServer,
                ServerHostname = scope.ServerHostname,
                BootFileName = scope.BootFileName,
                OptionData = scope.Options,
            });
        }

        return networks;
    }

    /// <summary>Duplicate ids and overlapping prefixes among all subnets, top level and shared networks alike.</summary>
    private void CheckSubnetsAcrossScopes()
    {
        var byId = new Dictionary<uint, BoundSubnet>();
        foreach (var bound in boundSubnets)
        {
            if (byId.TryGetValue(bound.Subnet.Id, out var first))
            {
                reader.Error(bound.Element, bound.Keys.Id, $"subnet id {bound.Subnet.Id} is already used by {first.Element.Position} ({first.Subnet.Network}/{first.Subnet.PrefixLength})");
            }
            else
            {
                byId.Add(bound.Subnet.Id, bound);
            }
        }

        // Prefixes nest or are disjoint: sorted by network (shorter prefix first), a subnet overlaps an earlier one
        // exactly when it starts before the furthest end seen so far.
        var sorted = boundSubnets.OrderBy(b => b.Subnet.Network.Value).ThenBy(b => b.Subnet.PrefixLength).ToList();
        BoundSubnet? widest = null;
        foreach (var bound in sorted)
        {
            if (widest is not null && bound.Subnet.Network.Value <= widest.Subnet.BroadcastAddress.Value)
            {
                var (later, earlier) = bound.Order > widest.Order ? (bound, widest) : (widest, bound);
                reader.Error(later.Element, later.Keys.Subnet, $"subnet {later.Subnet.Network}/{later.Subnet.PrefixLength} overlaps subnet {earlier.Subnet.Network}/{earlier.Subnet.PrefixLength} ({earlier.Element.Position})");
                continue;
            }

            widest = bound;
        }
    }
}
