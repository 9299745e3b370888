namespace DhcpCluster.Actors;

/// <summary>Marks messages that must not be delivered by accident to a remote system (Akka's marker).</summary>
public interface IPossiblyHarmful;
