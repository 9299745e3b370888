namespace DhcpCluster.Lab.Clients;

/// <summary>What a real DHCP client reported it obtained.</summary>
public sealed record ClientLease(string Client, string Address, string? Server, int? LeaseSeconds, string Output);
