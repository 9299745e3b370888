using System.Text.Json;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Processes;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Benchmarks;

/// <summary>
/// The benchmark harness's plumbing in its quick mode (one-second steps, two rates): namespaces built and torn down,
/// the stateless responder, dhcp-node and Kea started and stopped, perfdhcp parsed, the table and the JSON written.
/// The figures of a quick run mean nothing and are not checked.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class BenchmarkHarnessSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Quick_mode_measures_the_ceiling_dhcp_node_and_kea_and_leaves_no_namespace_behind()
    {
        var json = Path.Combine(Path.GetTempPath(), "bench-smoke-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        try
        {
            var run = await Command.RunAsync(
                "dotnet",
                [Path.Combine(AppContext.BaseDirectory, "DhcpCluster.Server.Benchmarks.dll"), "--quick", "--only", "ceiling,memfile", "--json", json],
                TimeSpan.FromSeconds(150));
            output.WriteLine(run.StandardOutput + run.StandardError);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("| server | max DORA/s |", run.StandardOutput, StringComparison.Ordinal);

            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = results.RootElement;
            Assert.Equal("stateless", root.GetProperty("Ceiling").GetProperty("Server").GetString());
            var servers = root.GetProperty("FileStorage").EnumerateArray().Select(s => s.GetProperty("Server").GetString()).ToList();
            Assert.Equal(["dhcp-node sqlite", "kea memfile st", "kea memfile mt"], servers);
            foreach (var search in root.GetProperty("FileStorage").EnumerateArray())
            {
                var firstRun = search.GetProperty("Steps")[0].GetProperty("Runs")[0];
                Assert.True(firstRun.GetProperty("Acks").GetInt64() > 0, search.ToString());
                Assert.True(firstRun.GetProperty("ServerCpuSeconds").GetDouble() > 0, search.ToString());
            }

            // Our node's shutdown lines were read: the journal's commit times and the collector's pauses over its life.
            var ours = root.GetProperty("FileStorage")[0].GetProperty("Steps")[0].GetProperty("Runs")[0];
            var journal = ours.GetProperty("Journal");
            Assert.True(journal.GetProperty("CommitMs").GetDouble() > 0, ours.ToString());
            Assert.True(journal.GetProperty("TransactionMs").GetDouble() >= journal.GetProperty("CommitMs").GetDouble(), ours.ToString());
            var runtime = ours.GetProperty("Runtime");
            Assert.Equal(runtime.GetProperty("Collections").GetInt64() == 0, runtime.GetProperty("PauseMs").GetDouble() == 0);
            Assert.True(runtime.GetProperty("Seconds").GetDouble() > 1, ours.ToString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("FileStorage")[1].GetProperty("Steps")[0].GetProperty("Runs")[0].GetProperty("Runtime").ValueKind);

            // Every harness namespace still listed belongs to a harness that is still running (not to the one that ended).
            var namespaces = await Command.RunAsync("ip", "netns", "list");
            var orphans = Regex.Matches(namespaces.StandardOutput, @"(?m)^bn-(?<pid>\d+)-\S+", RegexOptions.None, TimeSpan.FromSeconds(1))
                .Where(m => !Directory.Exists("/proc/" + m.Groups["pid"].Value))
                .Select(m => m.Value)
                .ToList();
            Assert.Empty(orphans);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
