using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>Reply contents: header fields, boot fields and the ordered option list.</summary>
public sealed partial class Dhcp4Engine
{
    private static readonly byte[] AlwaysSent = [58, 59, 1, 3, 6, 15, 12, 60, 97];
    private OptionDataSet[] classOptions = new OptionDataSet[4];
    private int classOptionCount;
    private ScopeOptions? baseOptions;
    private bool pxeClient;

    private void FillReply(DhcpPacket request, ReplyKind kind, Subnet4 subnet, Ipv4Address yourAddress, uint lifetime)
    {
        decision.Reply = kind;
        decision.Subnet = subnet;
        decision.Pool = yourAddress.IsAny ? subnet.FindPool(request.ClientAddress) : subnet.FindPool(yourAddress);
        decision.YourAddress = yourAddress;
        decision.SubnetMask = subnet.Mask;
        if (kind != ReplyKind.InformAck)
        {
            decision.LeaseTime = lifetime;
            decision.RenewalTime = subnet.Effective.T1(lifetime);
            decision.RebindingTime = subnet.Effective.T2(lifetime);
        }

        FillBootFields(subnet);
        FillHostname();
        AddOptions(request, kind);
        decision.Destination = ReplyDestination.For(kind, request.RelayAddress, request.ClientAddress, request.IsBroadcast, yourAddress);
    }

    /// <summary>
    /// The name recorded in the lease and sent back, as Kea does without DNS updates: the reservation's hostname;
    /// else the client's FQDN option (81, RFC 4702) answered, which replaces option 12; else the client's own host
    /// name (12), echoed.
    /// </summary>
    private string? LeaseHostname(DhcpPacket request)
    {
        if (decision.Reservation?.Hostname is { } reserved)
        {
            return reserved;
        }

        if (request.TryGetOption(81, out var fqdn) && fqdn.Length >= 3)
        {
            return hostnames.Get(decision.SetClientFqdn(fqdn));
        }

        return request.TryGetOption(12, out var hostName) ? hostnames.Get(hostName) : null;
    }

    private void FillHostname()
    {
        decision.Hostname = Text(decision.Reservation?.Hostname);
    }

    private void Nak(DhcpPacket request, DecisionOutcome outcome)
    {
        decision.Outcome = outcome;
        decision.Reply = ReplyKind.Nak;
        decision.SetBroadcastFlag = !request.RelayAddress.IsAny;
        AddOptions(request, ReplyKind.Nak);
        decision.Destination = ReplyDestination.For(ReplyKind.Nak, request.RelayAddress, request.ClientAddress, request.IsBroadcast, default);
    }

    /// <summary>siaddr, sname and file: reservation, then the first member class that sets them, then the subnet's scope chain.</summary>
    private void FillBootFields(Subnet4 subnet)
    {
        var reservation = decision.Reservation;
        Ipv4Address? nextServer = reservation?.NextServer;
        var serverHostname = reservation?.ServerHostname;
        var bootFileName = reservation?.BootFileName;
        var classes = configuration.Classes.Classes;
        for (var i = 0; i < classes.Count; i++)
        {
            if (!evaluation.IsMember(i))
            {
                continue;
            }

            var definition = classes[i].Definition;
            nextServer ??= definition.NextServer;
            serverHostname ??= definition.ServerHostname;
            bootFileName ??= definition.BootFileName;
        }

        var effective = subnet.Effective;
        decision.NextServer = nextServer ?? effective.NextServer ?? default;
        decision.ServerHostname = Text(serverHostname ?? effective.ServerHostname);
        decision.BootFileName = Text(bootFileName ?? effective.BootFileName);
    }

    /// <summary>
    /// Option order: 54 and 51 (the options a reply MUST carry), the echoed client identifier (RFC 6842) and relay
    /// agent information (RFC 3046, to a relay only), so trimming to the client's maximum size never drops them; then
    /// the options of the parameter request list in its order (RFC 2132 §9.8); then those sent unasked (58, 59, 1,
    /// 3, 6, 15, hostname, PXE's 60 and 97, and <c>always-send</c> option-data).
    /// </summary>
    private void AddOptions(DhcpPacket request, ReplyKind kind)
    {
        CollectOptionScopes(request);
        decision.Add(54, ReplyOptionSource.Generated);
        if (kind is ReplyKind.Offer or ReplyKind.Ack)
        {
            decision.Add(51, ReplyOptionSource.Generated);
        }

        if (configuration.EchoClientId && request.HasOption(61))
        {
            decision.Add(61, ReplyOptionSource.Echoed);
        }

        if (!request.RelayAddress.IsAny && request.HasOption(82))
        {
            decision.Add(82, ReplyOptionSource.Echoed);
        }

        if (kind == ReplyKind.Nak)
        {
            return;
        }

        if (!decision.ClientFqdn.IsEmpty)
        {
            decision.Add(81, ReplyOptionSource.Generated);
        }

        foreach (var code in request.ParameterRequestList)
        {
            if (!decision.Contains(code))
            {
                AddOption(request, kind, code, requested: true);
            }
        }

        foreach (var code in AlwaysSent)
        {
            if (!decision.Contains(code))
            {
                AddOption(request, kind, code, requested: false); // not asked for, or not available when asked
            }
        }

        AddAlwaysSend(decision.Reservation?.OptionData);
        for (var i = 0; i < classOptionCount; i++)
        {
            AddAlwaysSend(classOptions[i]);
        }

        foreach (var code in baseOptions!.AlwaysSendCodes)
        {
            if (!decision.Contains(code) && Resolve(code) is { } item)
            {
                decision.Add(code, ReplyOptionSource.Configured, item.Value);
            }
        }
    }

    /// <summary>
    /// Per reply, once: the option-data of the member classes (in class order) and the merged table of the pool or
    /// subnet, so that <see cref="Resolve"/> looks at most at reservation, classes and one table.
    /// </summary>
    private void CollectOptionScopes(DhcpPacket request)
    {
        classOptionCount = 0;
        var classes = configuration.Classes.Classes;
        for (var i = 0; i < classes.Count; i++)
        {
            if (evaluation.IsMember(i) && !classes[i].Definition.OptionData.IsEmpty)
            {
                if (classOptionCount == classOptions.Length)
                {
                    Array.Resize(ref classOptions, classOptions.Length * 2);
                }

                classOptions[classOptionCount++] = classes[i].Definition.OptionData;
            }
        }

        baseOptions = decision.Pool?.EffectiveOptions ?? decision.Subnet?.EffectiveOptions ?? candidates[0].EffectiveOptions;
        pxeClient = request.VendorClass.StartsWith("PXEClient"u8);
    }

    private void AddOption(DhcpPacket request, ReplyKind kind, byte code, bool requested)
    {
        switch (code)
        {
            case 0 or 255 or 50 or 51 or 52 or 53 or 54 or 55 or 57 or 61 or 81 or 82:
                return; // protocol options handled above, or never sent by a server
            case 58 or 59:
                if (kind != ReplyKind.InformAck)
                {
                    decision.Add(code, ReplyOptionSource.Generated);
                }

                return;
            case 1:
                AddConfiguredOr(code, ReplyOptionSource.Generated);
                return;
            case 12:
                if (!decision.Hostname.IsEmpty)
                {
                    decision.Add(code, ReplyOptionSource.Generated);
                    return;
                }

                if (!decision.ClientFqdn.IsEmpty)
                {
                    return; // RFC 4702: the FQDN option answers for the name
                }

                if (kind != ReplyKind.InformAck && request.HasOption(12))
                {
                    decision.Add(code, ReplyOptionSource.Echoed);
                    return;
                }

                break;
            case 60:
                if (pxeClient)
                {
                    AddConfiguredOr(code, ReplyOptionSource.Generated);
                    return;
                }

                break;
            case 97:
                if (pxeClient && request.HasOption(97))
                {
                    decision.Add(code, ReplyOptionSource.Echoed);
                    return;
                }

                break;
        }

        if ((requested || code is 3 or 6 or 15) && Resolve(code) is { } item)
        {
            decision.Add(code, ReplyOptionSource.Configured, item.Value);
        }
    }

    private void AddConfiguredOr(byte code, ReplyOptionSource fallback)
    {
        if (Resolve(code) is { } item)
        {
            decision.Add(code, ReplyOptionSource.Configured, item.Value);
        }
        else
        {
            decision.Add(code, fallback);
        }
    }

    private void AddAlwaysSend(OptionDataSet? options)
    {
        if (options is null || options.IsEmpty)
        {
            return;
        }

        var items = options.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].AlwaysSend && !decision.Contains(items[i].Code) && Resolve(items[i].Code) is { } item)
            {
                decision.Add(item.Code, ReplyOptionSource.Configured, item.Value);
            }
        }
    }

    /// <summary>Kea's option-data precedence: reservation, member classes in order, pool, subnet, shared network, global.</summary>
    private OptionDataItem? Resolve(byte code)
    {
        if (decision.Reservation?.OptionData.Get(code) is { } reserved)
        {
            return reserved;
        }

        for (var i = 0; i < classOptionCount; i++)
        {
            if (classOptions[i].Get(code) is { } fromClass)
            {
                return fromClass;
            }
        }

        return baseOptions!.Get(code);
    }
}
