using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DhcpCluster.Actors.Remote.Serialization;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Remote;

/// <summary>
/// Creates actor systems reachable from other nodes: binds the TCP listener first (so that a port of 0
/// becomes the real port in the system's address), then creates the system with the remote provider.
/// </summary>
public static class RemoteActorSystem
{
    /// <summary>Creates a remote-capable system from HOCON (over the runtime's and remoting's reference.conf).</summary>
    /// <exception cref="ConfigException">When a setting is invalid.</exception>
    /// <exception cref="SocketException">When the listener cannot bind.</exception>
    public static ActorSystem Create(string name, Config config, ActorSystemSetup? setup = null, RemoteSetup? remoteSetup = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(config);
        var full = config.WithFallback(RemoteSettings.Reference);
        var settings = RemoteSettings.Read(full);
        remoteSetup ??= new RemoteSetup();
        var listener = Bind(settings);
        try
        {
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            var address = new Address(RemoteTransport.Protocol, name, settings.PublicHostname, port);
            var uid = remoteSetup.Uid != 0 ? remoteSetup.Uid : NewUid();
            RemoteTransport? transport = null;
            var protobuf = remoteSetup.Protobuf;
            var serializers = remoteSetup.Serializers.Append(_ => protobuf);
            var system = ActorSystem.Create(name, full, (setup ?? new ActorSystemSetup()) with
            {
                Address = address,
                ProviderFactory = (sys, local) =>
                {
                    transport = new RemoteTransport(sys, local, settings, listener, uid, serializers);
                    return new RemoteActorRefProvider(local, transport);
                },
            });
            var started = transport!;
            started.Start();
            _ = system.WhenTerminated.ContinueWith(_ => started.DisposeAsync().AsTask(), TaskScheduler.Default);
            return system;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>The transport of a system created by <see cref="Create"/>.</summary>
    /// <exception cref="InvalidOperationException">When the system is not remote-capable.</exception>
    public static RemoteTransport Transport(ActorSystem system) =>
        (system as ExtendedActorSystem)?.Provider is RemoteActorRefProvider provider
            ? provider.Transport
            : throw new InvalidOperationException($"Actor system {system?.Name} was not created by RemoteActorSystem.Create.");

    private static Socket Bind(RemoteSettings settings)
    {
        var address = IPAddress.TryParse(settings.Hostname, out var ip)
            ? ip
            : Array.Find(Dns.GetHostAddresses(settings.Hostname), a => a.AddressFamily == AddressFamily.InterNetwork)
              ?? throw new SocketException((int)SocketError.HostNotFound);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(address, settings.Port));
            socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static long NewUid()
    {
        long uid;
        do
        {
            uid = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        }
        while (uid == 0);
        return uid;
    }
}
