using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Server.Leases.Events;

namespace DhcpCluster.Server.Leases;

/// <summary>Registers the lease events and snapshots with the journal's serializer registry (Protobuf, string manifests).</summary>
public static class LeaseEventSerializers
{
    /// <summary>The serializer id of the DHCP lease events.</summary>
    public const int SerializerId = 4001;

    /// <summary>Registers every lease event type and the pool owner snapshot.</summary>
    public static SerializerRegistry Register(SerializerRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<LeaseBound>(SerializerId, "LeaseBound")
            .Register<LeaseRenewed>(SerializerId, "LeaseRenewed")
            .Register<LeaseReleased>(SerializerId, "LeaseReleased")
            .Register<LeaseDeclined>(SerializerId, "LeaseDeclined")
            .Register<LeaseExpired>(SerializerId, "LeaseExpired")
            .Register<LeaseSetByCommand>(SerializerId, "LeaseSetByCommand")
            .Register<LeaseDeletedByCommand>(SerializerId, "LeaseDeletedByCommand")
            .Register<PoolOwnerSnapshot>(SerializerId, "PoolOwnerSnapshot");
    }
}
