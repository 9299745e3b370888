using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Configuration;

internal sealed partial class Dhcp4Binder
{
    private static readonly Dictionary<string, HighAvailabilityMode> Modes = new(StringComparer.Ordinal)
    {
        ["load-balancing"] = HighAvailabilityMode.LoadBalancing,
        ["hot-standby"] = HighAvailabilityMode.HotStandby,
        ["passive-backup"] = HighAvailabilityMode.PassiveBackup,
    };

    private static readonly Dictionary<string, HighAvailabilityRole> Roles = new(StringComparer.Ordinal)
    {
        ["primary"] = HighAvailabilityRole.Primary,
        ["secondary"] = HighAvailabilityRole.Secondary,
        ["standby"] = HighAvailabilityRole.Standby,
        ["backup"] = HighAvailabilityRole.Backup,
    };

    private (IReadOnlyList<string> Libraries, HighAvailabilityConfiguration? HighAvailability) BindHooks(Config dhcp4)
    {
        var libraries = new List<string>();
        HighAvailabilityConfiguration? highAvailability = null;
        foreach (var element in reader.List(dhcp4, Dhcp4ConfigKeys.HooksLibraries))
        {
            var library = reader.Required(element, Dhcp4ConfigKeys.HooksLibrariesLibrary, "a hook entry needs the library path");
            if (library is null)
            {
                continue;
            }

            libraries.Add(library);
            var file = Path.GetFileName(library);
            if (file.StartsWith("libdhcp_lease_cmds", StringComparison.Ordinal))
            {
                continue; // the lease commands are built in
            }

            if (file.StartsWith("libdhcp_ha", StringComparison.Ordinal))
            {
                highAvailability ??= BindHighAvailability(element);
                reader.Warning(element, Dhcp4ConfigKeys.HooksLibrariesLibrary, "HA arrives with the cluster: the high-availability settings are parsed and checked, not acted on yet");
                continue;
            }

            reader.Warning(element, Dhcp4ConfigKeys.HooksLibrariesLibrary, $"hook library '{file}' is not supported: it is not loaded and its parameters are ignored");
        }

        return (libraries, highAvailability);
    }

    private HighAvailabilityConfiguration? BindHighAvailability(Config hook)
    {
        var relationships = reader.List(hook, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailability);
        if (relationships.Count == 0)
        {
            reader.Error(hook, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailability, "missing: the HA hook needs parameters.high-availability with one relationship");
            return null;
        }

        if (relationships.Count > 1)
        {
            reader.Warning(hook, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailability, "only the first HA relationship is read");
        }

        var ha = relationships[0];
        CheckFields(ha, KeaKeyNames.HighAvailability, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailability.Path + "[]");
        var errorsBefore = reader.ErrorCount;
        var thisServer = reader.Required(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityThisServerName, "the HA hook needs this server's name");
        var mode = reader.Choice(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityMode, Modes) ?? HighAvailabilityMode.LoadBalancing;
        var peers = BindPeers(ha);
        if (reader.ErrorCount > errorsBefore || thisServer is null)
        {
            return null;
        }

        if (!peers.Exists(p => string.Equals(p.Name, thisServer, StringComparison.Ordinal)))
        {
            reader.Error(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityThisServerName, $"'{thisServer}' is not the name of any peer");
            return null;
        }

        if (!CheckRoles(ha, mode, peers))
        {
            return null;
        }

        var configuration = new HighAvailabilityConfiguration
        {
            ThisServerName = thisServer,
            Mode = mode,
            Peers = peers,
            DelayedUpdatesLimit = mode == HighAvailabilityMode.LoadBalancing ? 100 : 0,
        };
        return configuration with
        {
            HeartbeatDelay = Positive(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityHeartbeatDelay) ?? configuration.HeartbeatDelay,
            MaxResponseDelay = Positive(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityMaxResponseDelay) ?? configuration.MaxResponseDelay,
            MaxAckDelay = Positive(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityMaxAckDelay) ?? configuration.MaxAckDelay,
            MaxUnackedClients = reader.Count(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityMaxUnackedClients) ?? configuration.MaxUnackedClients,
            MaxRejectedLeaseUpdates = reader.Count(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityMaxRejectedLeaseUpdates) ?? configuration.MaxRejectedLeaseUpdates,
            DelayedUpdatesLimit = reader.Count(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityDelayedUpdatesLimit) ?? configuration.DelayedUpdatesLimit,
            SendLeaseUpdates = reader.Boolean(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilitySendLeaseUpdates) ?? configuration.SendLeaseUpdates,
            SyncLeases = reader.Boolean(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilitySyncLeases) ?? configuration.SyncLeases,
            SyncTimeout = Positive(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilitySyncTimeout) ?? configuration.SyncTimeout,
            SyncPageLimit = reader.Count(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilitySyncPageLimit) ?? configuration.SyncPageLimit,
            WaitBackupAck = reader.Boolean(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityWaitBackupAck) ?? configuration.WaitBackupAck,
        };
    }

    private List<HighAvailabilityPeer> BindPeers(Config ha)
    {
        var peers = new List<HighAvailabilityPeer>();
        foreach (var peer in reader.List(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeers))
        {
            CheckFields(peer, KeaKeyNames.HighAvailabilityPeer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeers.Path + "[]");
            var name = reader.Required(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersName, "a peer needs a name");
            var url = reader.Required(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersUrl, "a peer needs the URL of its control channel");
            var role = reader.Choice(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersRole, Roles);
            if (role is null && !peer.HasPath(Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersRole))
            {
                reader.Error(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersRole, "missing: a peer needs a role (primary, secondary, standby or backup)");
            }

            var autoFailover = reader.Boolean(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersAutoFailover) ?? true;
            Uri? uri = null;
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
            {
                reader.Error(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersUrl, $"'{url}' is not an http or https URL");
                uri = null;
            }

            if (name is not null && uri is not null && role is not null)
            {
                if (peers.Exists(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
                {
                    reader.Error(peer, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeersName, $"peer '{name}' is listed twice");
                }
                else
                {
                    peers.Add(new HighAvailabilityPeer(name, uri, role.Value, autoFailover));
                }
            }
        }

        return peers;
    }

    private bool CheckRoles(Config ha, HighAvailabilityMode mode, List<HighAvailabilityPeer> peers)
    {
        var (partnerRole, expected) = mode switch
        {
            HighAvailabilityMode.LoadBalancing => (HighAvailabilityRole.Secondary, "one primary and one secondary"),
            HighAvailabilityMode.HotStandby => (HighAvailabilityRole.Standby, "one primary and one standby"),
            _ => (HighAvailabilityRole.Backup, "one primary and backups"),
        };
        var primaries = peers.Count(p => p.Role == HighAvailabilityRole.Primary);
        var partners = peers.Count(p => p.Role == partnerRole);
        var misplaced = peers.Exists(p => p.Role != HighAvailabilityRole.Primary && p.Role != partnerRole && p.Role != HighAvailabilityRole.Backup);
        if (primaries != 1 || misplaced || (mode != HighAvailabilityMode.PassiveBackup && partners != 1))
        {
            reader.Error(ha, Dhcp4ConfigKeys.HooksLibrariesParametersHighAvailabilityPeers, $"mode {ModeName(mode)} needs {expected} among the peers");
            return false;
        }

        return true;
    }

    private static string ModeName(HighAvailabilityMode mode) => Modes.First(m => m.Value == mode).Key;

    private TimeSpan? Positive(Config config, ConfigKey key)
    {
        var value = reader.Duration(config, key);
        if (value is { } v && v <= TimeSpan.Zero)
        {
            reader.Error(config, key, "must be positive");
            return null;
        }

        return value;
    }

    /// <summary>
    /// The keys of a free-form object (the HA hook's parameters) that are not read: a Kea key is a warning, anything
    /// else an error, with the same rule as the rest of the Dhcp4 object.
    /// </summary>
    private void CheckFields(Config element, IReadOnlySet<string> keaNames, string pattern)
    {
        foreach (var name in element.Keys)
        {
            if (Dhcp4KeySets.All.ContainsKey(pattern + "." + name))
            {
                continue;
            }

            var located = element.ErrorAt($"\"{name}\"", string.Empty);
            var known = keaNames.Contains(name);
            reader.Add(new ConfigurationProblem(
                known ? ConfigurationProblemSeverity.Warning : ConfigurationProblemSeverity.Error,
                located.Origin,
                element.FullPath(name),
                known ? KeaKeyNames.NotSupportedYet : KeaKeyNames.UnknownKey));
        }
    }
}
