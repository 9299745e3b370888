using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhcpCluster.Actors;

/// <summary>Options of a system beyond its settings: logging and the hooks remote/cluster modules use.</summary>
public sealed record ActorSystemSetup
{
    /// <summary>Where logs go (default: nowhere).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The system's address (default: <c>dhcp-cluster://name</c> without host and port); a transport sets host and port.</summary>
    public Address? Address { get; init; }

    /// <summary>Replaces the provider: receives the local one and returns the one to use (e.g. a remote provider wrapping it).</summary>
    public Func<ExtendedActorSystem, LocalActorRefProvider, IActorRefProvider>? ProviderFactory { get; init; }
}
