using System.Net.Sockets;
using DhcpCluster.Actors;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Clients;
using DhcpCluster.Server.Configuration;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Logging;
using DhcpCluster.Sockets;
using DhcpCluster.Sockets.Interfaces;
using DhcpCluster.Sockets.Packet;
using DhcpCluster.Sockets.Udp;
using Microsoft.Extensions.Logging;
using static DhcpCluster.Server.Sockets.InterfaceSocketProtocol;

namespace DhcpCluster.Server.Sockets;

/// <summary>
/// One configured interface: one UDP receive path bound to the device (a broadcast is heard once whatever the number
/// of addresses) and a raw frame socket for replies to clients that have no address yet. A receive loop on its own
/// long-running task parses each frame, drops and counts malformed ones, selects the subnet, derives the client key
/// and routes the message to the client's actor, with this interface's <see cref="ReplySender"/>, through which the
/// client actor sends its reply as RFC 2131 §4.1 says (no hop back through this actor; <see cref="InterfaceSocketProtocol.SendReply"/>
/// still sends one through it, for a client actor that got the message without the sender, e.g. from another node). A missing
/// or unusable interface is retried every <c>service-sockets-retry-wait-time</c> (fatal with
/// <c>service-sockets-require-all</c>); a link that disappears or is recreated is rebound without a restart.
/// </summary>
public sealed class InterfaceSocketActor : ReceiveActor, IWithTimers
{
    /// <summary>The largest datagram received whole (a jumbo frame's payload); a longer one is counted as a parse failure.</summary>
    private const int ReceiveBufferSize = 9216;
    private const string RetryTimerKey = "bind";
    private const string LinkTimerKey = "link";
    private readonly InterfaceSelection binding;
    private readonly InterfacesConfiguration socketSettings;
    private readonly IClientRouter router;
    private readonly Dhcp4Configuration configuration;
    private readonly ServerSettings settings;
    private readonly ServerStatistics statistics;
    private readonly ILogger log;
    private readonly ReplySender replies;
    private InterfaceSocket? socket;
    private RawFrameSocket? frames;
    private ReceiveLoop? loop;
    private long generation;
    private int attempts;

    /// <summary>Creates the actor of one interface (never the wildcard: the host expands it).</summary>
    public InterfaceSocketActor(
        InterfaceSelection binding, InterfacesConfiguration socketSettings, IClientRouter router, Dhcp4Configuration configuration, ServerSettings settings, ServerStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(binding);
        this.binding = binding;
        this.socketSettings = socketSettings;
        this.router = router;
        this.configuration = configuration;
        this.settings = settings;
        this.statistics = statistics;
        log = Context.GetLogger();
        replies = new ReplySender(binding.Name, statistics, log);
        Receive<TryBind>(_ => Bind());
        Receive<CheckLink>(_ => CheckLinkNow());
        Receive<SendReply>(Send);
        Receive<ReceiveLoopFailed>(OnLoopFailed);
        Receive<GetBindState>(_ => Sender.Tell(new BindState(binding.Name, socket is not null, loop?.View.Link.Index ?? 0), Self));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the actor of one interface.</summary>
    public static Props Props(
        InterfaceSelection binding, InterfacesConfiguration socketSettings, IClientRouter router, Dhcp4Configuration configuration, ServerSettings settings, ServerStatistics statistics) =>
        Actors.Props.Create(() => new InterfaceSocketActor(binding, socketSettings, router, configuration, settings, statistics));

    /// <inheritdoc />
    protected override void PreStart() => Self.Tell(TryBind.Instance, Self);

    /// <inheritdoc />
    protected override void PostStop() => Close();

    private void Bind()
    {
        if (socket is not null)
        {
            return;
        }

        attempts++;
        var link = LinkInfo.Find(binding.Name);
        string? problem = null;
        if (link is null)
        {
            problem = "interface does not exist";
        }
        else if (!link.IsUp)
        {
            problem = "interface is down";
        }
        else if (binding.Address is { } address && !link.Addresses.Any(a => a.Address == address.Value))
        {
            problem = $"address {address} is not configured on the interface";
        }
        else
        {
            try
            {
                socket = InterfaceSocket.Open(binding.Name);
                frames = RawFrameSocket.Open(link);
            }
            catch (SocketOpenException ex)
            {
                Close();
                problem = ex.Reason;
            }
        }

        if (problem is not null)
        {
            BindFailed(problem);
            return;
        }

        attempts = 0;
        generation++;
        replies.Attach(socket!, frames!);
        loop = new ReceiveLoop(this, new LinkView(link!, binding.Address), generation);
        loop.Start();
        DhcpLog.SocketOpened(log, binding.Name, link!.Index, string.Join(' ', link.Addresses));
        Timers.StartPeriodicTimer(LinkTimerKey, CheckLink.Instance, settings.LinkCheckInterval);
    }

    private void BindFailed(string problem)
    {
        var exhausted = socketSettings.MaxRetries is { } max && attempts > max;
        if (socketSettings.RequireAll || exhausted)
        {
            DhcpLog.SocketOpenFatal(log, binding.Name, problem);
            _ = CoordinatedShutdown.Get(Context.System).Run(new SocketsUnavailableReason(binding.Name, problem));
            return;
        }

        DhcpLog.SocketOpenFailed(log, binding.Name, problem, (long)socketSettings.RetryWaitTime.TotalMilliseconds, attempts);
        Timers.StartSingleTimer(RetryTimerKey, TryBind.Instance, socketSettings.RetryWaitTime);
    }

    private void CheckLinkNow()
    {
        if (loop is null)
        {
            return;
        }

        var link = LinkInfo.Find(binding.Name);
        if (link is null || link.Index != loop.View.Link.Index)
        {
            Lost(link is null ? "the interface disappeared" : "the interface was recreated");
            return;
        }

        if (!loop.View.SameAddresses(link))
        {
            loop.View = new LinkView(link, binding.Address);
        }
    }

    private void OnLoopFailed(ReceiveLoopFailed failed)
    {
        if (failed.Generation == generation && loop is not null)
        {
            Lost(failed.Reason);
        }
    }

    private void Lost(string reason)
    {
        DhcpLog.SocketLost(log, binding.Name, reason);
        Close();
        Timers.Cancel(LinkTimerKey);
        Timers.StartSingleTimer(RetryTimerKey, TryBind.Instance, socketSettings.RetryWaitTime < settings.LinkCheckInterval ? socketSettings.RetryWaitTime : settings.LinkCheckInterval);
    }

    private void Close()
    {
        replies.Detach();
        loop?.Stop();
        loop = null;
        socket?.Dispose();
        socket = null;
        frames?.Dispose();
        frames = null;
    }

    private void Send(SendReply reply) =>
        replies.Send(reply.Payload, reply.Destination, reply.Source, reply.MessageType, reply.Client, reply.TransactionId);

    /// <summary>
    /// The receive loop of one socket generation, on a thread of its own: each wake-up takes a batch of datagrams
    /// with one <c>recvmmsg</c> (no thread-pool hop and no allocation per datagram before the message to the client
    /// actor). It owns its parse buffers, its native receive slots and its subnet selector (an engine over no leases),
    /// so nothing is shared with the actor but the link view.
    /// </summary>
    private sealed class ReceiveLoop
    {
        private const int PollMilliseconds = 250;
        private const int BatchSize = 32;
        private readonly InterfaceSocket socket;
        private readonly IActorRef self;
        private readonly ReplySender replies;
        private readonly IClientRouter router;
        private readonly ServerStatistics statistics;
        private readonly ILogger log;
        private readonly Dhcp4Engine selector;
        private readonly long generation;
        private readonly string name;
        private readonly DhcpPacket packet = new();
        private readonly DispatcherHelper helper;
        private volatile bool stopping;
        private LinkView view;

        public ReceiveLoop(InterfaceSocketActor owner, LinkView view, long generation)
        {
            socket = owner.socket!;
            self = owner.Self;
            replies = owner.replies;
            router = owner.router;
            statistics = owner.statistics;
            log = owner.log;
            name = owner.binding.Name;
            selector = new Dhcp4Engine(new LeaseStore(owner.configuration, null, 1, _ => false));
            helper = owner.Context.System.Dispatchers.Lookup(owner.Context.Props.Dispatcher).CreateHelper();
            this.view = view;
            this.generation = generation;
        }

        public LinkView View
        {
            get => Volatile.Read(ref view);
            set => Volatile.Write(ref view, value);
        }

        public void Start() => new Thread(Run) { IsBackground = true, Name = "dhcp-receive-" + name }.Start();

        /// <summary>Asks the loop to end; it does within one poll interval and frees its slots itself.</summary>
        public void Stop() => stopping = true;

        private void Run()
        {
            using var batch = new ReceiveBatch(BatchSize, ReceiveBufferSize);
            while (!stopping)
            {
                int count;
                try
                {
                    count = socket.Receive(batch, PollMilliseconds);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (IOException ex)
                {
                    if (!stopping)
                    {
                        self.Tell(new ReceiveLoopFailed(generation, ex.Message), ActorRefs.NoSender);
                    }

                    return;
                }

                // The batch's messages and the actor turns they cause (registry, client, pool owner) run on this thread
                // when the packet path has a dispatcher of its own: no thread is woken per packet.
                helper.Begin();
                try
                {
                    // A datagram's receive time is the kernel's (the batch's read time when the kernel gave none), in
                    // the tick-count milliseconds of the packet path: the time it waited in the socket behind
                    // others (or while this thread ran their turns) does not count as time between a client's messages.
                    var readAt = Environment.TickCount64;
                    var readAtUnixMicroseconds = count > 0 ? (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10 : 0;
                    for (var i = 0; i < count && !stopping; i++)
                    {
                        var datagram = batch.Datagram(i);
                        var waitedMs = datagram.ReceivedUnixMicroseconds > 0 ? Math.Clamp((readAtUnixMicroseconds - datagram.ReceivedUnixMicroseconds) / 1000, 0, 60_000) : 0;
                        Handle(batch.Payload(i), datagram, batch.IsTruncated(i), readAt - waitedMs);
                    }
                }
                finally
                {
                    helper.RunPending();
                }
            }
        }

        private void Handle(ReadOnlySpan<byte> frame, ReceivedDatagram datagram, bool truncated, long receivedAt)
        {
            statistics.CountReceived();
            var error = DhcpParseError.None;
            if (truncated || !DhcpPacket.TryParse(frame, packet, out error) || packet.Op != DhcpOp.BootRequest)
            {
                statistics.CountParseFailed();
                if (log.IsEnabled(LogLevel.Debug))
                {
                    DhcpLog.PacketParseFailed(log, datagram.Length, name, truncated ? $"longer than {ReceiveBufferSize} bytes" : error == DhcpParseError.None ? "not a client message" : error.ToString());
                }

                return;
            }

            statistics.CountReceivedType(packet.MessageType);
            var current = View;
            var arrival = datagram.IsBroadcast ? current.Broadcast : current.Unicast(datagram.DestinationAddress);
            var subnet = selector.SelectSubnet(packet, arrival);
            if (subnet is null)
            {
                statistics.CountNoSubnet();
                if (log.IsEnabled(LogLevel.Debug))
                {
                    DhcpLog.NoSubnet(log, HardwareText(), packet.TransactionId, packet.MessageType.ToString(), name);
                }

                return;
            }

            if (datagram.IsBroadcast)
            {
                arrival = current.BroadcastIn(subnet);
            }

            var key = ClientIdentity.Of(packet, subnet.Effective.MatchClientId).Key;
            if (log.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.PacketReceived(log, key.ToString(), packet.TransactionId, packet.MessageType.ToString(), datagram.Length, name, datagram.IsBroadcast ? "broadcast" : "unicast");
            }

            router.Route(new ClientProtocol.InboundPacket(
                frame.ToArray(), arrival, self, key, subnet.Id, packet.MessageType, packet.TransactionId, receivedAt, replies));
        }

        private string HardwareText() => Convert.ToHexString(packet.ClientHardwareAddress);
    }
}
