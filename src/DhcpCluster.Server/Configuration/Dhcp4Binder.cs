using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Options;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

/// <summary>One binding of a <c>Dhcp4</c> object: reads every declared key, validates as Kea does, collects problems.</summary>
internal sealed partial class Dhcp4Binder
{
    private static readonly Dictionary<string, AllocatorKind> Allocators = new(StringComparer.Ordinal)
    {
        ["iterative"] = AllocatorKind.Iterative,
        ["random"] = AllocatorKind.Random,
    };

    private static readonly Dictionary<string, HostReservationIdentifier> Identifiers = new(StringComparer.Ordinal)
    {
        ["hw-address"] = HostReservationIdentifier.HwAddress,
        ["duid"] = HostReservationIdentifier.Duid,
        ["circuit-id"] = HostReservationIdentifier.CircuitId,
        ["client-id"] = HostReservationIdentifier.ClientId,
    };

    private const string Dhcp4Root = "Dhcp4";

    private readonly Config root;
    private readonly ConfigReader reader = new();
    private readonly OptionDefinitionSet definitions = new();
    private readonly HashSet<string> classNames = new(StringComparer.Ordinal);
    private readonly List<BoundSubnet> boundSubnets = [];
    private readonly HashSet<uint> explicitIds = [];
    private uint nextAutomaticId = 1;

    public Dhcp4Binder(Config root) => this.root = root;

    private sealed record BoundSubnet(Subnet4 Subnet, Config Element, SubnetKeys Keys, int Order);

    public ServerConfigurationBinding Bind()
    {
        if (!root.HasPath(Dhcp4Root))
        {
            reader.Error(root, Dhcp4Root, "missing: the DHCPv4 server configuration (Kea's Dhcp4 object)");
            return new ServerConfigurationBinding(null, reader.Problems);
        }

        // The container itself; every key in it is read through its declared ConfigKey.
        var dhcp4 = reader.ObjectAt(root, Dhcp4Root);
        if (dhcp4 is null)
        {
            return new ServerConfigurationBinding(null, reader.Problems);
        }

        CheckUnreadKeys(dhcp4);
        var model = BindDhcp(dhcp4);
        var interfaces = BindInterfaces(dhcp4);
        var leaseDatabase = BindLeaseDatabase(dhcp4);
        var loggers = BindLoggers(dhcp4);
        var (hooks, highAvailability) = BindHooks(dhcp4);
        if (reader.ErrorCount > 0)
        {
            return new ServerConfigurationBinding(null, reader.Problems);
        }

        try
        {
            model.Build(OptionCodeOf);
        }
        catch (ConfigurationException e)
        {
            // Everything the model checks is checked above with a key path; this is the safety net.
            reader.Add(new ConfigurationProblem(ConfigurationProblemSeverity.Error, dhcp4.Root.Origin, "Dhcp4", e.Message));
            return new ServerConfigurationBinding(null, reader.Problems);
        }

        var configuration = new ServerConfiguration
        {
            Dhcp = model,
            Interfaces = interfaces,
            LeaseDatabase = leaseDatabase,
            Loggers = loggers,
            HighAvailability = highAvailability,
            HookLibraries = hooks,
        };
        return new ServerConfigurationBinding(configuration, reader.Problems);
    }

    /// <summary>The DHCP model: option definitions, classes, global scope, subnets, shared networks (not yet built).</summary>
    private Dhcp4Configuration BindDhcp(Config dhcp4)
    {
        BindOptionDefinitions(dhcp4);
        var classes = BindClientClasses(dhcp4);
        var global = BindScope(dhcp4, Dhcp4KeySets.Global);
        CheckTimers(global, null, null);
        CollectExplicitIds(dhcp4);
        var subnets = reader.List(dhcp4, Dhcp4ConfigKeys.Subnet4)
            .Select(element => BindSubnet(element, Dhcp4KeySets.Subnet, global, null))
            .OfType<Subnet4>()
            .ToList();
        var networks = BindSharedNetworks(dhcp4, global);
        CheckSubnetsAcrossScopes();
        var identifiers = BindHostReservationIdentifiers(dhcp4);
        var decline = reader.Seconds(dhcp4, Dhcp4ConfigKeys.DeclineProbationPeriod);
        if (decline == 0)
        {
            reader.Error(dhcp4, Dhcp4ConfigKeys.DeclineProbationPeriod, "must be at least 1 second");
        }

        var echo = reader.Boolean(dhcp4, Dhcp4ConfigKeys.EchoClientId);
        var offer = reader.Seconds(dhcp4, Dhcp4ConfigKeys.OfferLifetime);
        return new Dhcp4Configuration
        {
            ValidLifetime = global.ValidLifetime,
            RenewTimer = global.RenewTimer,
            RebindTimer = global.RebindTimer,
            T1Percent = global.T1Percent,
            T2Percent = global.T2Percent,
            MatchClientId = global.MatchClientId,
            Authoritative = global.Authoritative,
            Allocator = global.Allocator,
            NextServer = global.NextServer,
            ServerHostname = global.ServerHostname,
            BootFileName = global.BootFileName,
            OptionData = global.Options,
            Subnets = subnets,
            SharedNetworks = networks,
            ClientClasses = classes,
            HostReservationIdentifiers = identifiers ?? [HostReservationIdentifier.HwAddress, HostReservationIdentifier.Duid, HostReservationIdentifier.CircuitId, HostReservationIdentifier.ClientId],
            DeclineProbationPeriod = decline ?? Dhcp4Configuration.DefaultDeclineProbationPeriod,
            EchoClientId = echo ?? true,
            OfferLifetime = offer ?? 60,
        };
    }

    private int? OptionCodeOf(string name) => definitions.TryGet(name, out var definition) ? definition.Code : null;

    private ScopeValues BindScope(Config element, ScopeKeys keys)
    {
        var t1 = reader.Double(element, keys.T1Percent);
        if (t1 is <= 0 or >= 1)
        {
            reader.Error(element, keys.T1Percent, $"{t1} is out of range: expected a fraction between 0 and 1 (exclusive)");
            t1 = null;
        }

        var t2 = reader.Double(element, keys.T2Percent);
        if (t2 is <= 0 or >= 1)
        {
            reader.Error(element, keys.T2Percent, $"{t2} is out of range: expected a fraction between 0 and 1 (exclusive)");
            t2 = null;
        }

        var valid = reader.Seconds(element, keys.ValidLifetime);
        if (valid == 0)
        {
            reader.Error(element, keys.ValidLifetime, "must be at least 1 second");
        }

        return new ScopeValues(
            element,
            keys,
            valid,
            reader.Seconds(element, keys.RenewTimer),
            reader.Seconds(element, keys.RebindTimer),
            t1,
            t2,
            reader.Boolean(element, keys.MatchClientId),
            reader.Boolean(element, keys.Authoritative),
            reader.Choice(element, keys.Allocator, Allocators),
            reader.Address(element, keys.Boot.NextServer),
            reader.String(element, keys.Boot.ServerHostname),
            reader.String(element, keys.Boot.BootFileName),
            BindOptions(element, keys.Options));
    }

    /// <summary>
    /// Kea's timer rules: renew-timer above rebind-timer is an error; a timer not below the valid lifetime is not
    /// sent by Kea (a warning here). Judged on the values in force at the innermost scope (subnet over shared network
    /// over global), reported at the key of the innermost scope that sets it.
    /// </summary>
    private void CheckTimers(ScopeValues scope, ScopeValues? network, ScopeValues? global)
    {
        var renew = scope.RenewTimer ?? network?.RenewTimer ?? global?.RenewTimer;
        var rebind = scope.RebindTimer ?? network?.RebindTimer ?? global?.RebindTimer;
        var valid = scope.ValidLifetime ?? network?.ValidLifetime ?? global?.ValidLifetime ?? Dhcp4Configuration.DefaultValidLifetime;
        var setsAny = scope.RenewTimer is not null || scope.RebindTimer is not null || scope.ValidLifetime is not null;
        if (!setsAny && (network is not null || global is not null))
        {
            return; // judged where it was set
        }

        var (renewAt, renewKey) = Where(scope, network, global, s => s.RenewTimer, s => s.Keys.RenewTimer);
        var (rebindAt, rebindKey) = Where(scope, network, global, s => s.RebindTimer, s => s.Keys.RebindTimer);
        if (renew is { } t1 && rebind is { } t2 && t1 > t2)
        {
            var (at, key) = scope.RenewTimer is not null ? (renewAt, renewKey) : (rebindAt, rebindKey);
            reader.Error(at, key, $"renew-timer ({t1}) is greater than rebind-timer ({t2})");
            return;
        }

        if (rebind is { } rebindValue && rebindValue >= valid && (scope.RebindTimer is not null || scope.ValidLifetime is not null))
        {
            reader.Warning(rebindAt, rebindKey, $"rebind-timer ({rebindValue}) is not below valid-lifetime ({valid}): Kea sends no T2 then; here T2 is the lifetime");
        }
        else if (renew is { } renewValue && renewValue >= valid && (scope.RenewTimer is not null || scope.ValidLifetime is not null))
        {
            reader.Warning(renewAt, renewKey, $"renew-timer ({renewValue}) is not below valid-lifetime ({valid}): Kea sends no T1 then; here T1 is the lifetime");
        }

        if (renew is { } r && rebind is null)
        {
            var t2Percent = scope.T2Percent ?? network?.T2Percent ?? global?.T2Percent ?? 0.875;
            var computed = (uint)(valid * t2Percent);
            if (r > computed)
            {
                reader.Error(renewAt, renewKey, $"renew-timer ({r}) is greater than the rebind time {computed} (t2-percent {t2Percent} of valid-lifetime {valid}): set rebind-timer");
            }
        }
    }

    private static (Config At, ConfigKey Key) Where(ScopeValues scope, ScopeValues? network, ScopeValues? global, Func<ScopeValues, uint?> value, Func<ScopeValues, ConfigKey> key)
    {
        foreach (var candidate in new[] { scope, network, global })
        {
            if (candidate is not null && value(candidate) is not null)
            {
                return (candidate.Element, key(candidate));
            }
        }

        return (scope.Element, key(scope));
    }

    private IReadOnlyList<HostReservationIdentifier>? BindHostReservationIdentifiers(Config dhcp4)
    {
        var names = reader.StringList(dhcp4, Dhcp4ConfigKeys.HostReservationIdentifiers);
        if (names is null)
        {
            return null;
        }

        var result = new List<HostReservationIdentifier>();
        foreach (var name in names)
        {
            if (Identifiers.TryGetValue(name, out var identifier))
            {
                if (!result.Contains(identifier))
                {
                    result.Add(identifier);
                }
            }
            else if (string.Equals(name, "flex-id", StringComparison.Ordinal))
            {
                reader.Warning(dhcp4, Dhcp4ConfigKeys.HostReservationIdentifiers, "flex-id is not supported yet: reservations are not looked up by it");
            }
            else
            {
                reader.Error(dhcp4, Dhcp4ConfigKeys.HostReservationIdentifiers, $"'{name}' is not one of hw-address, duid, circuit-id, client-id, flex-id");
            }
        }

        return result;
    }
}
