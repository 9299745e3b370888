namespace DhcpCluster.Actors;

/// <summary>A behaviour: returns true when it handled the message.</summary>
public delegate bool Receive(object message);
