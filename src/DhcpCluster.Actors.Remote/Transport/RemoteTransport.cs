using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DhcpCluster.Actors.Remote.Protos;
using DhcpCluster.Actors.Remote.Serialization;
using DhcpCluster.Actors.Remote.Transport;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Remote;

/// <summary>
/// The node-to-node TCP transport of one actor system: the listener and its inbound connections, one
/// outbound association per remote node, the quarantine list of node incarnations, and the registry of
/// local watchers of remote actors.
/// </summary>
public sealed class RemoteTransport : IAsyncDisposable
{
    /// <summary>The protocol part of remote addresses.</summary>
    public const string Protocol = "dhcp-cluster.tcp";

    private readonly LocalActorRefProvider _local;
    private readonly Socket _listener;
    private readonly ConcurrentDictionary<Address, Association> _associations = new();
    private readonly ConcurrentDictionary<(Address Address, long Uid), string> _quarantined = new();
    private readonly Lock _watchLock = new();
    private readonly Dictionary<Address, Dictionary<(InternalActorRef Watcher, ActorPath Watchee), InternalActorRef>> _watches = [];
    private readonly HashSet<Address> _terminatedAddresses = [];
    private readonly ConcurrentDictionary<InboundConnection, byte> _inbound = new();
    private readonly CancellationTokenSource _shutdown = new();
    private Task _acceptLoop = Task.CompletedTask;

    internal RemoteTransport(ExtendedActorSystem system, LocalActorRefProvider local, RemoteSettings settings, Socket listener, long uid, IEnumerable<Func<ActorRefResolver, Serializer>> serializers)
    {
        System = system;
        _local = local;
        Settings = settings;
        _listener = listener;
        Uid = uid;
        Address = local.DefaultAddress;
        AddressText = Address.ToString();
        Secret = Encoding.UTF8.GetBytes(settings.SecureCookie);
        Log = system.LoggerFactory.CreateLogger("DhcpCluster.Actors.Remote");
        Refs = new ActorRefResolver(() => system.Provider);
        Serialization = new SerializationRegistry([new RuntimeMessageSerializer(Refs), new PrimitiveSerializer(), .. serializers.Select(f => f(Refs))]);
    }

    /// <summary>The system this transport serves.</summary>
    public ExtendedActorSystem System { get; }

    /// <summary>The node's address (host and bound port).</summary>
    public Address Address { get; }

    /// <summary>This incarnation of the node (random, never 0).</summary>
    public long Uid { get; }

    /// <summary>The settings.</summary>
    public RemoteSettings Settings { get; }

    /// <summary>The serializers of this node.</summary>
    public SerializationRegistry Serialization { get; }

    /// <summary>
    /// When true (set by the cluster), a lost connection never terminates a node by itself: the cluster's
    /// failure detector and downing decide, and call <see cref="Quarantine"/>.
    /// </summary>
    public bool MembershipManagesNodeLoss { get; set; }

    internal string AddressText { get; }

    internal byte[] Secret { get; }

    internal ILogger Log { get; }

    internal ActorRefResolver Refs { get; }

    internal CancellationToken ShutdownToken => _shutdown.Token;

    internal LocalActorRefProvider LocalProvider => _local;

    internal void Start() => _acceptLoop = AcceptLoopAsync();

    /// <summary>True when that incarnation of a node is quarantined.</summary>
    public bool IsQuarantined(Address address, long uid) => _quarantined.ContainsKey((address, uid));

    /// <summary>
    /// Quarantines an incarnation of a node: its connections are closed, messages queued for it are dropped,
    /// it can never connect again (only a new incarnation can), and watchers of its actors get Terminated.
    /// </summary>
    public void Quarantine(Address address, long uid, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_quarantined.TryAdd((address, uid), reason))
        {
            return;
        }

        Log.LogWarning("REMOTE_QUARANTINED {Address} uid {Uid}: {Reason}", address, uid, reason);
        System.EventStream.Publish(new RemotingEvents.Quarantined(address, uid, reason));
        if (_associations.TryGetValue(address, out var association))
        {
            association.OnQuarantined(uid);
        }

        foreach (var inbound in _inbound.Keys)
        {
            if (inbound.RemoteUid == uid && Equals(inbound.RemoteAddress, address))
            {
                inbound.Close();
            }
        }

        TerminateAddress(address);
    }

    /// <summary>The association to a node (created on first use).</summary>
    internal Association AssociationFor(Address address) =>
        _associations.GetOrAdd(address, static (a, t) => new Association(t, a), this);

    internal void Send(Association association, in OutboundMessage message)
    {
        if (!association.TrySend(message))
        {
            System.DeadLetters.Tell(new DeadLetter(message.Message, message.Sender, message.Recipient), message.Sender);
        }
    }

    /// <summary>Remembers a watch of a remote actor; false (and Terminated at once) when its node is already gone.</summary>
    internal bool RegisterWatch(RemoteActorRef watchee, InternalActorRef watcher)
    {
        lock (_watchLock)
        {
            if (!_terminatedAddresses.Contains(watchee.Path.Address))
            {
                if (!_watches.TryGetValue(watchee.Path.Address, out var byAddress))
                {
                    byAddress = [];
                    _watches.Add(watchee.Path.Address, byAddress);
                }

                byAddress[(watcher, watchee.Path)] = watchee;
                return true;
            }
        }

        watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false, AddressTerminated: true));
        return false;
    }

    internal void RemoveWatch(RemoteActorRef watchee, InternalActorRef watcher)
    {
        lock (_watchLock)
        {
            if (_watches.TryGetValue(watchee.Path.Address, out var byAddress))
            {
                byAddress.Remove((watcher, watchee.Path));
            }
        }
    }

    internal bool HasWatches(Address address)
    {
        lock (_watchLock)
        {
            return _watches.TryGetValue(address, out var byAddress) && byAddress.Count > 0;
        }
    }

    /// <summary>Tells every local watcher of the node's actors that they terminated (AddressTerminated).</summary>
    internal void TerminateAddress(Address address)
    {
        List<KeyValuePair<(InternalActorRef Watcher, ActorPath Watchee), InternalActorRef>>? toNotify = null;
        lock (_watchLock)
        {
            _terminatedAddresses.Add(address);
            if (_watches.Remove(address, out var byAddress))
            {
                toNotify = [.. byAddress];
            }
        }

        if (toNotify is not null)
        {
            foreach (var (key, watchee) in toNotify)
            {
                key.Watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false, AddressTerminated: true));
            }
        }

        System.EventStream.Publish(new RemotingEvents.AddressTerminated(address));
    }

    /// <summary>A new incarnation of a node was seen: watches of its actors may be registered again.</summary>
    internal void AddressRevived(Address address)
    {
        lock (_watchLock)
        {
            _terminatedAddresses.Remove(address);
        }
    }

    /// <summary>A death notification from another node, for a local watcher of one of its actors.</summary>
    internal void RemoteDeathNotification(InternalActorRef watcher, DeathWatchNotification notification)
    {
        InternalActorRef? watchee = null;
        var path = notification.Actor.Path;
        lock (_watchLock)
        {
            if (_watches.TryGetValue(path.Address, out var byAddress) && byAddress.Remove((watcher, path), out var registered))
            {
                watchee = registered;
            }
        }

        if (watchee is not null)
        {
            watcher.SendSystemMessage(notification with { Actor = watchee });
        }
    }

    internal void OnInboundClosed(InboundConnection connection) => _inbound.TryRemove(connection, out _);

    internal void OnInboundAccepted(InboundConnection connection)
    {
        _inbound.TryAdd(connection, 0);
        if (connection.RemoteAddress is { } address)
        {
            AddressRevived(address);
        }
    }

    /// <summary>Stops the listener and every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        foreach (var inbound in _inbound.Keys)
        {
            inbound.Close();
        }

        var loops = _associations.Values.Select(a => a.Completion).Append(_acceptLoop);
        try
        {
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.LogWarning("Remoting did not stop within 5 s");
        }

        _shutdown.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        while (!_shutdown.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_shutdown.IsCancellationRequested)
                {
                    return;
                }

                Log.LogWarning(e, "Accepting a connection failed");
                continue;
            }

            ConfigureSocket(socket, Settings);
            var connection = new InboundConnection(this, socket, socket.RemoteEndPoint as IPEndPoint);
            _ = connection.RunAsync();
        }
    }

    internal static void ConfigureSocket(Socket socket, RemoteSettings settings)
    {
        socket.NoDelay = true;
        socket.SendBufferSize = settings.SendBufferSize;
        socket.ReceiveBufferSize = settings.ReceiveBufferSize;
    }
}
