using System.Collections.Immutable;

namespace DhcpCluster.Actors.Cluster;

/// <summary>What one observer reports: the members it cannot reach, with a version only it increments.</summary>
public sealed record ObserverRecord(long Version, ImmutableHashSet<UniqueAddress> Unreachable);
