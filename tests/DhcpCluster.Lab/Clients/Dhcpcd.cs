using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.Lab.Clients;

/// <summary>
/// dhcpcd: one lease in the foreground without configuring the interface. It keeps a lease file under
/// /var/lib/dhcpcd named after the interface, which is removed before and after the run.
/// </summary>
public static partial class Dhcpcd
{
    public static async Task<ClientLease?> ObtainAsync(LabNamespace ns, string interfaceName, TimeSpan? timeout = null)
    {
        RemoveLeaseFiles(interfaceName);
        try
        {
            var seconds = (int)(timeout ?? TimeSpan.FromSeconds(20)).TotalSeconds;
            var result = await ns.ExecAsync(
                "dhcpcd",
                ["-f", "/dev/null", "-4", "-1", "-B", "-d", "-L", "-A", "--noconfigure", "-c", "/bin/true",
                 "-t", seconds.ToString(CultureInfo.InvariantCulture), interfaceName],
                TimeSpan.FromSeconds(seconds + 15)).ConfigureAwait(false);
            var output = result.StandardOutput + result.StandardError;
            var match = LeaseLine().Match(output);
            if (!match.Success)
            {
                return null;
            }

            var server = ServerLine().Match(output);
            return new ClientLease(
                "dhcpcd",
                match.Groups["address"].Value,
                server.Success ? server.Groups["server"].Value : null,
                int.Parse(match.Groups["time"].Value, CultureInfo.InvariantCulture),
                output);
        }
        finally
        {
            RemoveLeaseFiles(interfaceName);
        }
    }

    private static void RemoveLeaseFiles(string interfaceName)
    {
        const string directory = "/var/lib/dhcpcd";
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, interfaceName + ".lease*"))
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"leased (?<address>[0-9.]+) for (?<time>\d+) seconds", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeaseLine();

    [GeneratedRegex(@"offered [0-9.]+ from (?<server>[0-9.]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ServerLine();
}
