using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DhcpCluster.Commands.Leases;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Control.Leases;

/// <summary>
/// Kea's lease commands (<c>lease4-get</c>, <c>-get-all</c>, <c>-get-page</c>, <c>-get-by-hw-address</c>,
/// <c>-get-by-client-id</c>, <c>-get-by-hostname</c>, <c>-add</c>, <c>-update</c>, <c>-del</c>, <c>-wipe</c>) with
/// Kea's argument names, response shapes and result codes, over an <see cref="ILeaseCommandsBackend"/>.
/// </summary>
public static class LeaseCommands
{
    /// <summary>Largest <c>limit</c> of <c>lease4-get-page</c>.</summary>
    public const int MaxPageLimit = 1_000_000;

    private const long MaxUInt32 = uint.MaxValue;

    /// <summary>Registers the commands over <paramref name="backend"/>.</summary>
    public static void Register(CommandRegistry registry, ILeaseCommandsBackend backend)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(backend);
        registry.Register(CommandNames.Lease4Get, ParseLeaseKey, async (key, ct) =>
        {
            var lease = await FindAsync(backend, key, ct).ConfigureAwait(false);
            return lease is null
                ? CommandResponse.Empty("Lease not found.")
                : CommandResponse.Success("IPv4 lease found.", ToJson(lease));
        });
        registry.Register(CommandNames.Lease4GetAll, static a => a.OptionalIntegerList("subnets", 1, MaxUInt32), async (subnets, ct) =>
            List(await backend.GetAllAsync(subnets, ct).ConfigureAwait(false), count: false));
        registry.Register(CommandNames.Lease4GetPage, ParsePage, async (page, ct) =>
            List(await backend.GetPageAsync(page.After, page.Limit, ct).ConfigureAwait(false), count: true));
        registry.Register(CommandNames.Lease4GetByHwAddress, static a => LeaseIdentifierText.Normalize("hw-address", a.RequiredString("hw-address")), async (hw, ct) =>
            List(await backend.GetByHardwareAddressAsync(hw, ct).ConfigureAwait(false), count: false));
        registry.Register(CommandNames.Lease4GetByClientId, static a => LeaseIdentifierText.Normalize("client-id", a.RequiredString("client-id")), async (id, ct) =>
            List(await backend.GetByClientIdAsync(id, ct).ConfigureAwait(false), count: false));
        registry.Register(CommandNames.Lease4GetByHostname, ParseHostname, async (hostname, ct) =>
            List(await backend.GetByHostnameAsync(hostname, ct).ConfigureAwait(false), count: false));
        RegisterChanges(registry, backend);
    }

    private static void RegisterChanges(CommandRegistry registry, ILeaseCommandsBackend backend)
    {
        registry.Register(CommandNames.Lease4Add, static a => ParseDraft(a), async (draft, ct) =>
        {
            var change = await backend.AddAsync(draft, ct).ConfigureAwait(false);
            return change.Outcome switch
            {
                LeaseChangeOutcome.Done => CommandResponse.Success(string.Create(CultureInfo.InvariantCulture, $"Lease for address {change.Lease!.IpAddress}, subnet-id {change.Lease.SubnetId} added.")),
                LeaseChangeOutcome.Conflict => CommandResponse.Conflict($"IPv4 lease already exists for address {draft.IpAddress}."),
                _ => CommandResponse.Error(change.Problem ?? $"lease for {draft.IpAddress} not added"),
            };
        });
        registry.Register(CommandNames.Lease4Update, static a => (Draft: ParseDraft(a), Force: a.OptionalBoolean("force-create") ?? false), async (update, ct) =>
        {
            var change = await backend.UpdateAsync(update.Draft, update.Force, ct).ConfigureAwait(false);
            return change.Outcome switch
            {
                LeaseChangeOutcome.Done => CommandResponse.Success("IPv4 lease updated."),
                LeaseChangeOutcome.NotFound => CommandResponse.Empty($"failed to update the lease with address {update.Draft.IpAddress} - no such lease"),
                LeaseChangeOutcome.Conflict => CommandResponse.Conflict($"failed to update the lease with address {update.Draft.IpAddress} - conflicting lease"),
                _ => CommandResponse.Error(change.Problem ?? $"lease for {update.Draft.IpAddress} not updated"),
            };
        });
        registry.Register(CommandNames.Lease4Del, ParseLeaseKey, async (key, ct) =>
        {
            var address = key.Address;
            if (address is null)
            {
                var lease = await FindAsync(backend, key, ct).ConfigureAwait(false);
                if (lease is null)
                {
                    return CommandResponse.Empty("IPv4 lease not found.");
                }

                address = IPAddress.Parse(lease.IpAddress);
            }

            return await backend.DeleteAsync(address, ct).ConfigureAwait(false)
                ? CommandResponse.Success("IPv4 lease deleted.")
                : CommandResponse.Empty("IPv4 lease not found.");
        });
        registry.Register(CommandNames.Lease4Wipe, static a => a.OptionalInteger("subnet-id", 0, MaxUInt32), async (subnetId, ct) =>
        {
            IReadOnlyCollection<long>? subnets = subnetId is null or 0 ? null : [subnetId.Value];
            var deleted = await backend.WipeAsync(subnets, ct).ConfigureAwait(false);
            var scope = subnets is null ? "all" : subnetId!.Value.ToString(CultureInfo.InvariantCulture);
            var text = string.Create(CultureInfo.InvariantCulture, $"Deleted {deleted} IPv4 lease(s) from subnet(s) {scope}");
            return deleted == 0 ? CommandResponse.Empty(text) : CommandResponse.Success(text);
        });
    }

    /// <summary>A lease as its JSON object.</summary>
    public static JsonNode ToJson(Lease4 lease) => JsonSerializer.SerializeToNode(lease, CommandJsonContext.Default.Lease4)!;

    private static CommandResponse List(IReadOnlyList<Lease4> leases, bool count)
    {
        var arguments = JsonSerializer.SerializeToNode(new Lease4List(leases, count ? leases.Count : null), CommandJsonContext.Default.Lease4List);
        var text = string.Create(CultureInfo.InvariantCulture, $"{leases.Count} IPv4 lease(s) found.");
        return leases.Count == 0 ? CommandResponse.Empty(text, arguments) : CommandResponse.Success(text, arguments);
    }

    private static async ValueTask<Lease4?> FindAsync(ILeaseCommandsBackend backend, LeaseKey key, CancellationToken ct)
    {
        if (key.Address is not null)
        {
            return await backend.GetByAddressAsync(key.Address, ct).ConfigureAwait(false);
        }

        var candidates = string.Equals(key.IdentifierType, "hw-address", StringComparison.Ordinal)
            ? await backend.GetByHardwareAddressAsync(key.Identifier!, ct).ConfigureAwait(false)
            : await backend.GetByClientIdAsync(key.Identifier!, ct).ConfigureAwait(false);
        return candidates.FirstOrDefault(l => l.SubnetId == key.SubnetId);
    }

    private static LeaseKey ParseLeaseKey(CommandArguments arguments)
    {
        arguments.RequireMap();
        if (arguments.Has("ip-address"))
        {
            return new LeaseKey(arguments.RequiredIPv4Address("ip-address"), null, null, 0);
        }

        if (!arguments.Has("identifier-type"))
        {
            throw new CommandArgumentException("missing parameter 'ip-address' (or 'identifier-type', 'identifier' and 'subnet-id')");
        }

        var type = arguments.RequiredString("identifier-type");
        if (type is not ("hw-address" or "client-id"))
        {
            throw new CommandArgumentException($"'identifier-type' parameter: '{type}' is not supported for IPv4 leases (hw-address, client-id)");
        }

        var identifier = LeaseIdentifierText.Normalize("identifier", arguments.RequiredString("identifier"));
        var subnetId = arguments.RequiredInteger("subnet-id", 1, MaxUInt32);
        return new LeaseKey(null, type, identifier, subnetId);
    }

    private static (IPAddress? After, int Limit) ParsePage(CommandArguments arguments)
    {
        arguments.RequireMap();
        var from = arguments.RequiredString("from");
        var after = string.Equals(from, "start", StringComparison.Ordinal) ? null : CommandArguments.ParseIPv4("from", from);
        var limit = (int)arguments.RequiredInteger("limit", 1, MaxPageLimit);
        return (after, limit);
    }

    private static string ParseHostname(CommandArguments arguments)
    {
        var hostname = arguments.RequiredString("hostname");
        return hostname.Length == 0 ? throw new CommandArgumentException("'hostname' parameter is empty") : hostname.ToLowerInvariant();
    }

    private static Lease4Draft ParseDraft(CommandArguments arguments)
    {
        arguments.RequireMap();
        var address = arguments.RequiredIPv4Address("ip-address");
        var clientId = arguments.OptionalString("client-id");
        return new Lease4Draft(
            address.ToString(),
            LeaseIdentifierText.Normalize("hw-address", arguments.RequiredString("hw-address")),
            clientId is null or "" ? null : LeaseIdentifierText.Normalize("client-id", clientId),
            arguments.OptionalInteger("valid-lft", 0, MaxUInt32),
            arguments.OptionalInteger("expire", 0, long.MaxValue / 2),
            arguments.OptionalInteger("subnet-id", 0, MaxUInt32) ?? 0,
            arguments.OptionalBoolean("fqdn-fwd") ?? false,
            arguments.OptionalBoolean("fqdn-rev") ?? false,
            arguments.OptionalString("hostname")?.ToLowerInvariant() ?? string.Empty,
            (int)(arguments.OptionalInteger("state", Lease4.StateDefault, Lease4.StateExpiredReclaimed) ?? Lease4.StateDefault),
            arguments.OptionalObject("user-context")?.DeepClone().AsObject());
    }

    private sealed record LeaseKey(IPAddress? Address, string? IdentifierType, string? Identifier, long SubnetId);
}
