using DhcpCluster.Lab.Processes;

namespace DhcpCluster.Lab.Network;

/// <summary>One network namespace of a lab: a host, a client, a relay or a bridge.</summary>
public sealed class LabNamespace
{
    internal LabNamespace(string name, NetworkLab lab)
    {
        Name = name;
        Lab = lab;
    }

    public string Name { get; }

    public NetworkLab Lab { get; }

    /// <summary>Runs a command inside the namespace to completion.</summary>
    public Task<CommandResult> ExecAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        Command.RunAsync("ip", new[] { "netns", "exec", Name, file }.Concat(arguments), timeout);

    public Task<CommandResult> ExecAsync(string file, params string[] arguments) => ExecAsync(file, (IEnumerable<string>)arguments);

    /// <summary>Starts a long-running process inside the namespace, owned by the lab.</summary>
    public LabProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Lab.Own(LabProcess.Start("ip", new[] { "netns", "exec", Name, file }.Concat(arguments), environment));

    public async Task IpAsync(params string[] arguments) =>
        (await Command.RunAsync("ip", new[] { "-n", Name }.Concat(arguments)).ConfigureAwait(false)).EnsureSuccess();

    public Task AddAddressAsync(string interfaceName, string cidr) => IpAsync("addr", "add", cidr, "dev", interfaceName);

    public Task SetLinkAsync(string interfaceName, bool up) => IpAsync("link", "set", interfaceName, up ? "up" : "down");

    /// <summary>Adds an 802.1Q sub-interface <c>parent.id</c>, up.</summary>
    public async Task<string> AddVlanAsync(string parent, int id)
    {
        var name = $"{parent}.{id}";
        await IpAsync("link", "add", "link", parent, "name", name, "type", "vlan", "id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await SetLinkAsync(name, up: true).ConfigureAwait(false);
        return name;
    }

    public Task AddRouteAsync(string destination, string via) => IpAsync("route", "add", destination, "via", via);

    public async Task EnableForwardingAsync() =>
        (await ExecAsync("sysctl", "-qw", "net.ipv4.ip_forward=1").ConfigureAwait(false)).EnsureSuccess();

    public override string ToString() => Name;
}
