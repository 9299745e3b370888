using System.Diagnostics;
using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;
using DhcpCluster.Actors.Remote;
using DhcpCluster.Actors.Remote.Benchmarks;
using DhcpCluster.Hocon;

// dotnet run -c Release --project bench/DhcpCluster.Actors.Remote.Benchmarks [-- --messages N] [--skip-default-downing]
// Child roles (started by the parent): --role sink PORT | --role cluster-node PORT SEEDPORT TIGHT(0/1)
if (args.Length >= 2 && string.Equals(args[0], "--role", StringComparison.Ordinal))
{
    return args[1] switch
    {
        "sink" => await Roles.SinkAsync(int.Parse(args[2], CultureInfo.InvariantCulture)).ConfigureAwait(false),
        "cluster-node" => await Roles.ClusterNodeAsync(int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), string.Equals(args[4], "1", StringComparison.Ordinal)).ConfigureAwait(false),
        _ => 2,
    };
}

var messages = 2_000_000;
var skipDefault = false;
for (var i = 0; i < args.Length; i++)
{
    if (string.Equals(args[i], "--messages", StringComparison.Ordinal))
    {
        messages = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (string.Equals(args[i], "--skip-default-downing", StringComparison.Ordinal))
    {
        skipDefault = true;
    }
}

Console.WriteLine($"DhcpCluster remote/cluster benchmark, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
await Measurements.TellAndAskAsync(messages).ConfigureAwait(false);
await Measurements.KillDetectionAsync(tight: true).ConfigureAwait(false);
if (!skipDefault)
{
    await Measurements.KillDetectionAsync(tight: false).ConfigureAwait(false);
}

return 0;
