namespace DhcpCluster.Server.Sockets;

/// <summary>Messages a <see cref="WildcardInterfacesActor"/> handles.</summary>
public static class WildcardInterfacesProtocol
{
    /// <summary>Asks for the interfaces the wildcard covers so far (answered with <see cref="CoveredInterfaces"/>).</summary>
    public sealed record GetCoveredInterfaces
    {
        /// <summary>The instance.</summary>
        public static GetCoveredInterfaces Instance { get; } = new();
    }

    /// <summary>The interfaces with a socket actor: those present at start and those that appeared since.</summary>
    public sealed record CoveredInterfaces(IReadOnlyList<string> Names);

    /// <summary>Timer message: list the host's interfaces again.</summary>
    internal sealed record Rescan
    {
        public static Rescan Instance { get; } = new();
    }
}
