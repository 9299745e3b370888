using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.Lab.Clients;

/// <summary>
/// ISC dhclient: obtains a lease, then stays in the background renewing (unicast, RENEWING) until it is
/// released or stopped. Its hook adds the bound address to the interface, so its unicast RENEW and
/// RELEASE can leave the host.
/// </summary>
public sealed partial class DhclientSession : IAsyncDisposable
{
    private readonly LabNamespace ns;
    private readonly string interfaceName;
    private readonly string pidFile;
    private readonly string leaseFile;
    private readonly string hook;
    private bool stopped;

    private DhclientSession(LabNamespace ns, string interfaceName, ClientLease lease)
    {
        this.ns = ns;
        this.interfaceName = interfaceName;
        (pidFile, leaseFile, hook) = Files(ns, interfaceName);
        Lease = lease;
    }

    public ClientLease Lease { get; }

    public string LeaseFile => leaseFile;

    public static async Task<DhclientSession> StartAsync(LabNamespace ns, string interfaceName, TimeSpan? timeout = null)
    {
        var (pidFile, leaseFile, hook) = Files(ns, interfaceName);
        File.WriteAllText(hook, """
            #!/bin/sh
            case "$reason" in
              BOUND|RENEW|REBIND|REBOOT)
                [ -n "$new_ip_address" ] && ip addr replace "$new_ip_address/${new_subnet_mask:-255.255.255.0}" dev "$interface" ;;
              RELEASE|EXPIRE|STOP)
                [ -n "$old_ip_address" ] && ip addr del "$old_ip_address/${old_subnet_mask:-255.255.255.0}" dev "$interface" 2>/dev/null ;;
            esac
            exit 0
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        if (!OperatingSystem.IsLinux())
        {
            throw new LabException("dhclient labs need Linux");
        }

        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = await ns.ExecAsync(
            "dhclient",
            ["-4", "-1", "-v", "-cf", "/dev/null", "-sf", hook, "-lf", leaseFile, "-pf", pidFile, interfaceName],
            timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var output = result.StandardOutput + result.StandardError;
        var bound = BoundLine().Match(output);
        if (!bound.Success)
        {
            throw new LabException($"dhclient on {ns}/{interfaceName} did not bind: {output}");
        }

        var server = ServerLine().Match(output);
        var lease = new ClientLease("dhclient", bound.Groups["address"].Value, server.Success ? server.Groups["server"].Value : null, null, output);
        return ns.Lab.Own(new DhclientSession(ns, interfaceName, lease));
    }

    private static (string PidFile, string LeaseFile, string Hook) Files(LabNamespace ns, string interfaceName) =>
        (Path.Combine(ns.Lab.Directory, $"dhclient-{ns.Name}-{interfaceName}.pid"),
         Path.Combine(ns.Lab.Directory, $"dhclient-{ns.Name}-{interfaceName}.leases"),
         Path.Combine(ns.Lab.Directory, "dhclient-hook.sh"));

    /// <summary>Sends a RELEASE (by unicast to the server) and stops the client.</summary>
    public async Task<CommandResult> ReleaseAsync()
    {
        stopped = true;
        return await ns.ExecAsync(
            "dhclient", ["-4", "-r", "-v", "-cf", "/dev/null", "-sf", hook, "-lf", leaseFile, "-pf", pidFile, interfaceName],
            TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await ns.ExecAsync("dhclient", ["-4", "-x", "-pf", pidFile, interfaceName], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"bound to (?<address>[0-9.]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BoundLine();

    [GeneratedRegex(@"DHCPACK of [0-9.]+ from (?<server>[0-9.]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ServerLine();
}
