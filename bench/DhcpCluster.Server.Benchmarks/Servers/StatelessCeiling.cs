using System.Text.RegularExpressions;

namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>The harness's ceiling: bench/DhcpCluster.StatelessResponder answers from the packet alone (no state, no journal).</summary>
internal sealed partial class StatelessCeiling : IServerUnderTest
{
    public string Name => "stateless";

    public string Description => "DhcpCluster.StatelessResponder: socket layer + codec, no lease state, no journal (the harness's ceiling)";

    public async Task<RunningServer> StartAsync(BenchTopology topology)
    {
        var spawned = DateTimeOffset.UtcNow;
        var process = topology.Server.Start(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "DhcpCluster.StatelessResponder.dll"), "--interface", BenchTopology.ServerInterface, "--subnet", BenchTopology.Subnet, "--exit-after", "3600"]);
        await process.WaitForLineAsync(Ready(), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return new RunningServer(Name, process, spawned);
    }

    [GeneratedRegex("^READY$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Ready();
}
