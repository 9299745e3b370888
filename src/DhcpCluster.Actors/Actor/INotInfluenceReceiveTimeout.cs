namespace DhcpCluster.Actors;

/// <summary>Messages that do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;
