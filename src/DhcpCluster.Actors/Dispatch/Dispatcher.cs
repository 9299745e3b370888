namespace DhcpCluster.Actors;

/// <summary>A dispatcher: actors run on the .NET thread pool, <see cref="Throughput"/> messages per turn.</summary>
public sealed record Dispatcher(string Id, int Throughput);
