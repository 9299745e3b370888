namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>One network of the resolved compose file.</summary>
internal sealed record ComposeNetwork(string Name, string? Driver, string? Subnet);
