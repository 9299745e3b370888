namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>One server configuration the harness measures; every start begins from an empty lease database.</summary>
internal interface IServerUnderTest
{
    /// <summary>Short name used in tables and JSON.</summary>
    string Name { get; }

    /// <summary>What runs, in one line (configuration that matters for the figures).</summary>
    string Description { get; }

    /// <summary>Starts a fresh instance in the topology's server namespace and waits until it serves.</summary>
    Task<RunningServer> StartAsync(BenchTopology topology);
}
