using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.Lab.Clients;

/// <summary>BusyBox udhcpc: one DISCOVER/REQUEST exchange in the foreground, then exit.</summary>
public static partial class Udhcpc
{
    /// <summary>
    /// Options of one run; <c>ClientIdHex</c> sets option 61, <c>NoClientId</c> sends none, <c>VendorClass</c> option 60;
    /// <c>ReportEnvironment</c> runs a script that records what udhcpc hands it on <c>bound</c> (<see cref="ClientLease.Environment"/>).
    /// </summary>
    public sealed record Options(
        string? ClientIdHex = null,
        bool NoClientId = false,
        bool Broadcast = false,
        string? RequestAddress = null,
        string? Hostname = null,
        string? VendorClass = null,
        int Tries = 4,
        int TimeoutSeconds = 1,
        bool ReportEnvironment = false);

    public static async Task<ClientLease?> ObtainAsync(LabNamespace ns, string interfaceName, Options? options = null)
    {
        options ??= new Options();
        var (script, environmentFile) = options.ReportEnvironment ? await EnvironmentScriptAsync(ns).ConfigureAwait(false) : ("/bin/true", null);

        var arguments = new List<string>
        {
            "-i", interfaceName, "-f", "-q", "-n",
            "-t", options.Tries.ToString(CultureInfo.InvariantCulture),
            "-T", options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "-s", script,
        };
        if (options.ClientIdHex is not null)
        {
            arguments.AddRange(["-x", "0x3d:" + options.ClientIdHex]);
        }

        if (options.NoClientId)
        {
            arguments.Add("-C");
        }

        if (options.Broadcast)
        {
            arguments.Add("-B");
        }

        if (options.RequestAddress is not null)
        {
            arguments.AddRange(["-r", options.RequestAddress]);
        }

        if (options.Hostname is not null)
        {
            arguments.AddRange(["-x", "hostname:" + options.Hostname]);
        }

        if (options.VendorClass is not null)
        {
            arguments.AddRange(["-V", options.VendorClass]);
        }

        var timeout = TimeSpan.FromSeconds((options.Tries * options.TimeoutSeconds) + 15);
        var result = await ns.ExecAsync("udhcpc", arguments, timeout).ConfigureAwait(false);
        var output = result.StandardOutput + result.StandardError;
        var match = LeaseLine().Match(output);
        if (!match.Success)
        {
            return null;
        }

        int? seconds = match.Groups["time"].Success ? int.Parse(match.Groups["time"].Value, CultureInfo.InvariantCulture) : null;
        return new ClientLease("udhcpc", match.Groups["address"].Value, match.Groups["server"].Value, seconds, output)
        {
            Environment = await ReadEnvironmentAsync(environmentFile).ConfigureAwait(false),
        };
    }

    /// <summary>A script (in the lab directory) that writes udhcpc's environment on <c>bound</c> to a file.</summary>
    private static async Task<(string Script, string? EnvironmentFile)> EnvironmentScriptAsync(LabNamespace ns)
    {
        var name = "udhcpc-" + Guid.NewGuid().ToString("N")[..8];
        var environmentFile = Path.Combine(ns.Lab.Directory, name + ".env");
        var script = Path.Combine(ns.Lab.Directory, name + ".sh");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\n[ \"$1\" = bound ] && env > '{environmentFile}'\nexit 0\n").ConfigureAwait(false);
        (await Processes.Command.RunAsync("chmod", "700", script).ConfigureAwait(false)).EnsureSuccess();
        return (script, environmentFile);
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadEnvironmentAsync(string? environmentFile)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (environmentFile is null || !File.Exists(environmentFile))
        {
            return environment;
        }

        foreach (var line in await File.ReadAllLinesAsync(environmentFile).ConfigureAwait(false))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[line[..equals]] = line[(equals + 1)..];
            }
        }

        return environment;
    }

    [GeneratedRegex(@"lease of (?<address>[0-9.]+) obtained from (?<server>[0-9.]+)(, lease time (?<time>\d+))?", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeaseLine();
}
