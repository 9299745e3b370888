namespace DhcpCluster.Actors;

/// <summary>A system-wide extension (one instance per system), e.g. coordinated shutdown, cluster, persistence.</summary>
public interface IExtension;
