using System.Globalization;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.Lab.Network;

/// <summary>
/// A set of network namespaces, links and bridges built for one test, torn down on dispose (also when the
/// test failed). Names carry the creating process id, so namespaces left behind by a killed test run are
/// swept by the next lab. Only documentation and benchmark address ranges are allowed inside a lab.
/// </summary>
public sealed class NetworkLab : IAsyncDisposable
{
    private const string DefaultNamePrefix = "dclab";
    private static int labCounter;
    private readonly List<LabNamespace> namespaces = [];
    private readonly List<IAsyncDisposable> owned = [];
    private readonly string prefix;

    private NetworkLab(string prefix, string directory)
    {
        this.prefix = prefix;
        Directory = directory;
    }

    /// <summary>A scratch directory of this lab (config files, leases, captures), deleted on dispose.</summary>
    public string Directory { get; }

    public IReadOnlyList<LabNamespace> Namespaces => namespaces;

    /// <summary>
    /// Creates an empty lab. Its namespaces are named <c>{namePrefix}-{pid}-{n}-{name}</c>; a branch or a program
    /// that runs labs beside others' passes a prefix of its own (letters only).
    /// </summary>
    public static async Task<NetworkLab> CreateAsync(string namePrefix = DefaultNamePrefix)
    {
        if (namePrefix.Length == 0 || !namePrefix.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException($"a lab name prefix is lower-case letters only, not '{namePrefix}'", nameof(namePrefix));
        }

        if (!OperatingSystem.IsLinux() || !string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            throw new LabException("network labs need Linux and root (network namespaces)");
        }

        await SweepAbandonedAsync(namePrefix + "-").ConfigureAwait(false);
        var id = Interlocked.Increment(ref labCounter);
        var labPrefix = string.Create(CultureInfo.InvariantCulture, $"{namePrefix}-{Environment.ProcessId}-{id}-");
        var directory = Path.Combine(Path.GetTempPath(), labPrefix.TrimEnd('-'));
        System.IO.Directory.CreateDirectory(directory);
        return new NetworkLab(labPrefix, directory);
    }

    /// <summary>Creates a namespace with its loopback up.</summary>
    public async Task<LabNamespace> AddNamespaceAsync(string name)
    {
        var ns = new LabNamespace(prefix + name, this);
        await Command.RunAsync("ip", "netns", "add", ns.Name).ConfigureAwait(false);
        namespaces.Add(ns);
        await ns.IpAsync("link", "set", "lo", "up").ConfigureAwait(false);
        return ns;
    }

    /// <summary>Connects two namespaces with a veth pair, both ends up, and no addresses.</summary>
    public async Task LinkAsync(LabNamespace a, string aInterface, LabNamespace b, string bInterface)
    {
        await Command.RunAsync("ip", "link", "add", aInterface, "netns", a.Name, "type", "veth", "peer", "name", bInterface, "netns", b.Name)
            .ConfigureAwait(false);
        await a.IpAsync("link", "set", aInterface, "up").ConfigureAwait(false);
        await b.IpAsync("link", "set", bInterface, "up").ConfigureAwait(false);
    }

    /// <summary>
    /// The common two-host topology: a server namespace and a client namespace joined by one veth pair, the
    /// server side addressed with <paramref name="serverCidr"/>, the client side with <paramref name="clientCidr"/>
    /// when given (a DHCP client has none).
    /// </summary>
    public async Task<(LabNamespace Server, LabNamespace Client)> AddPointToPointAsync(
        string serverCidr, string? clientCidr = null, string serverInterface = "s0", string clientInterface = "c0")
    {
        var server = await AddNamespaceAsync("srv").ConfigureAwait(false);
        var client = await AddNamespaceAsync("cli").ConfigureAwait(false);
        await LinkAsync(server, serverInterface, client, clientInterface).ConfigureAwait(false);
        await server.AddAddressAsync(serverInterface, serverCidr).ConfigureAwait(false);
        if (clientCidr is not null)
        {
            await client.AddAddressAsync(clientInterface, clientCidr).ConfigureAwait(false);
        }

        return (server, client);
    }

    /// <summary>
    /// A shared L2 segment: a bridge in a namespace of its own; <see cref="AttachAsync"/> connects members.
    /// Setting the bridge port down or removing it from the bridge partitions a member.
    /// </summary>
    public async Task<LabNamespace> AddBridgeAsync(string name)
    {
        var ns = await AddNamespaceAsync(name).ConfigureAwait(false);
        await ns.IpAsync("link", "add", "br0", "type", "bridge").ConfigureAwait(false);
        await ns.IpAsync("link", "set", "br0", "up").ConfigureAwait(false);
        return ns;
    }

    /// <summary>Connects <paramref name="member"/> to a bridge namespace; the bridge-side port is named <paramref name="port"/>.</summary>
    public async Task AttachAsync(LabNamespace bridge, string port, LabNamespace member, string memberInterface)
    {
        await LinkAsync(bridge, port, member, memberInterface).ConfigureAwait(false);
        await bridge.IpAsync("link", "set", port, "master", "br0").ConfigureAwait(false);
    }

    /// <summary>Ties a resource (a process, a client session) to the lab, so it goes before the namespaces do.</summary>
    public T Own<T>(T resource)
        where T : IAsyncDisposable
    {
        owned.Add(resource);
        return resource;
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            try
            {
                await owned[i].DisposeAsync().ConfigureAwait(false);
            }
            catch (LabException)
            {
                // Tearing down goes on: the namespaces are removed below whatever their processes did.
            }
        }

        for (var i = namespaces.Count - 1; i >= 0; i--)
        {
            await RemoveNamespaceAsync(namespaces[i].Name).ConfigureAwait(false);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the temp directory is not our only copy of anything.
        }
    }

    private static async Task RemoveNamespaceAsync(string name)
    {
        var pids = await Command.RunAsync("ip", "netns", "pids", name).ConfigureAwait(false);
        foreach (var pid in pids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await Command.RunAsync("kill", "-9", pid).ConfigureAwait(false);
        }

        await Command.RunAsync("ip", "netns", "del", name).ConfigureAwait(false);
    }

    private static async Task SweepAbandonedAsync(string namePrefix)
    {
        var list = await Command.RunAsync("ip", "netns", "list").ConfigureAwait(false);
        foreach (var line in list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ', 2)[0];
            if (!name.StartsWith(namePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var pidText = name[namePrefix.Length..].Split('-', 2)[0];
            if (int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !System.IO.Directory.Exists($"/proc/{pid}"))
            {
                await RemoveNamespaceAsync(name).ConfigureAwait(false);
            }
        }
    }
}
