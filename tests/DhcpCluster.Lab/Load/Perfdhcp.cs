using DhcpCluster.Lab.Network;

namespace DhcpCluster.Lab.Load;

/// <summary>
/// perfdhcp (from kea-admin) acting as a relay: it binds port 67 on <c>localAddress</c>, sets giaddr to
/// it and sends unicast to the server. Every run is bounded by its own <c>-p</c> and by a timeout.
/// </summary>
public static class Perfdhcp
{
    public static async Task<PerfdhcpReport> RunAsync(LabNamespace ns, string localAddress, string server, int rate, int clients, int seconds, IEnumerable<string>? extra = null)
    {
        var arguments = new List<string>
        {
            "-4", "-l", localAddress,
            "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-R", clients.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-p", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        arguments.AddRange(extra ?? []);
        arguments.Add(server);
        var result = await ns.ExecAsync("perfdhcp", arguments, TimeSpan.FromSeconds(seconds + 30)).ConfigureAwait(false);
        return PerfdhcpReport.Parse(result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
