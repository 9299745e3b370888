using DhcpCluster.Actors;

namespace DhcpCluster.Server.Clients;

/// <summary>Messages a <see cref="ClientRegistryActor"/> handles (besides <see cref="ClientProtocol.InboundPacket"/>, which it routes).</summary>
public static class ClientRegistryProtocol
{
    /// <summary>A client actor asks to be stopped: it has been idle for the passivation time.</summary>
    public sealed record Passivate(IActorRef Client);

    /// <summary>Asks how many client actors are alive (answered with an <see cref="int"/>).</summary>
    public sealed record GetClientCount
    {
        /// <summary>The instance.</summary>
        public static GetClientCount Instance { get; } = new();
    }

    /// <summary>The registry's own timer: has the passivation wave ended (no passivation for a while)?</summary>
    internal sealed record WaveEndCheck
    {
        /// <summary>The instance.</summary>
        public static WaveEndCheck Instance { get; } = new();
    }
}
