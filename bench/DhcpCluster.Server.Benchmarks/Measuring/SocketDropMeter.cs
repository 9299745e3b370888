using System.Globalization;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>
/// Datagrams a namespace's kernel dropped because a UDP socket's receive buffer was full (<c>RcvbufErrors</c> of
/// <c>/proc/net/snmp</c>): in the server namespace the server did not read fast enough, in the load namespace
/// perfdhcp did not (its drops count as the server's in perfdhcp's report, so the harness tells them apart).
/// </summary>
internal static class SocketDropMeter
{
    public static async Task<long> ReceiveBufferErrorsAsync(LabNamespace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var result = await space.ExecAsync("cat", "/proc/net/snmp").ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            return 0;
        }

        string[]? header = null;
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("Udp:", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (header is null)
            {
                header = fields;
                continue;
            }

            var column = Array.IndexOf(header, "RcvbufErrors");
            return column > 0 && column < fields.Length ? long.Parse(fields[column], CultureInfo.InvariantCulture) : 0;
        }

        return 0;
    }
}
