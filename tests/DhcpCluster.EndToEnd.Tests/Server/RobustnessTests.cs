using System.Globalization;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>A flood of malformed and truncated frames interleaved with a real client.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class RobustnessTests(ITestOutputHelper output)
{
    private const int WarmUpFrames = 10_000;
    private const int FloodFrames = 100_000;
    private const int FramesPerSecond = 4_000;

    /// <summary>Growth of the node's resident set allowed over the 100,000 frames, after a 10,000-frame warm-up.</summary>
    private const long RssGrowthBoundKiB = 24 * 1024;

    [Fact]
    public async Task A_hundred_thousand_malformed_frames_are_counted_and_dropped_while_a_real_client_is_served_and_memory_stays_flat()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("sv-srv");
        var client = await lab.AddNamespaceAsync("sv-cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200")], severity: "INFO");
        var node = await NodeProcess.StartAsync(server, config, "s0");

        var first = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(first);
        var warmUp = await ScapyClient.RunAsync(client, "c0", "flood", WarmUpFrames.ToString(CultureInfo.InvariantCulture), FramesPerSecond.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(WarmUpFrames, ScapyClient.Int(warmUp, "SENT"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rssBefore = ResidentKiB(node.Id);

        var flood = ScapyClient.Start(client, "c0", "flood", FloodFrames.ToString(CultureInfo.InvariantCulture), FramesPerSecond.ToString(CultureInfo.InvariantCulture));
        var (attempts, served, samples) = await ServeWhileRunningAsync(flood, client, first.Address, node.Id);
        Assert.Equal(0, await flood.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var sent = ScapyClient.Values(flood.Output);
        Assert.Equal(FloodFrames, ScapyClient.Int(sent, "SENT"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rssAfter = ResidentKiB(node.Id);
        var last = await Udhcpc.ObtainAsync(client, "c0");
        Assert.Equal(first.Address, last?.Address);
        var kernelDrops = await UdpDropsAsync(server, 67);

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        var parseFailed = NodeProcess.Statistic(node, "pkt4-parse-failed");
        var received = NodeProcess.Statistic(node, "pkt4-received");
        output.WriteLine(
            $"{WarmUpFrames + FloodFrames} malformed frames sent ({FloodFrames} in {sent["SECONDS"]} s after a {WarmUpFrames}-frame warm-up); "
            + $"pkt4-received={received} pkt4-parse-failed={parseFailed} kernel UDP drops={kernelDrops}; "
            + $"real client served {served}/{attempts} times during the flood; RSS {rssBefore} KiB -> {rssAfter} KiB ({rssAfter - rssBefore:+#;-#;0} KiB, bound {RssGrowthBoundKiB} KiB); "
            + $"RSS during the flood (KiB, one sample per client exchange): {string.Join(' ', samples)}");
        Assert.True(attempts >= 5, $"only {attempts} client exchanges during the flood");
        Assert.Equal(attempts, served);
        Assert.True(parseFailed + kernelDrops >= (WarmUpFrames + FloodFrames) * 97L / 100, $"{parseFailed} parse failures + {kernelDrops} kernel drops of {WarmUpFrames + FloodFrames} frames");
        Assert.True(parseFailed >= (WarmUpFrames + FloodFrames) * 90L / 100, $"only {parseFailed} of {WarmUpFrames + FloodFrames} frames reached the parser");
        Assert.True(rssAfter - rssBefore < RssGrowthBoundKiB, $"RSS grew from {rssBefore} KiB to {rssAfter} KiB");
        Assert.True(NodeProcess.Statistic(node, "pkt4-ack-sent") >= attempts + 2);
    }

    /// <summary>Runs udhcpc once a second while the flood lasts; counts the exchanges that got the client's address and samples RSS.</summary>
    private static async Task<(int Attempts, int Served, List<long> Samples)> ServeWhileRunningAsync(LabProcess flood, LabNamespace client, string address, int nodePid)
    {
        int attempts = 0, served = 0;
        var samples = new List<long>();
        while (!flood.HasExited)
        {
            attempts++;
            samples.Add(ResidentKiB(nodePid));
            var lease = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(Tries: 3)).ConfigureAwait(false);
            if (string.Equals(lease?.Address, address, StringComparison.Ordinal))
            {
                served++;
            }

            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        return (attempts, served, samples);
    }

    /// <summary>VmRSS of a process, from /proc.</summary>
    private static long ResidentKiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The kernel's receive-buffer drops of the UDP sockets on <paramref name="port"/> in a namespace (/proc/net/udp).</summary>
    private static async Task<long> UdpDropsAsync(LabNamespace ns, int port)
    {
        var result = await ns.ExecAsync("cat", "/proc/net/udp").ConfigureAwait(false);
        var local = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        return result.StandardOutput.Split('\n').Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 12 && f[1].EndsWith(local, StringComparison.Ordinal))
            .Sum(f => long.Parse(f[^1], CultureInfo.InvariantCulture));
    }
}
