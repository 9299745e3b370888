using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Packaging;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Packaging;

/// <summary>Starts dhcp-node the way a package runs it (setpriv replaying user and capabilities) and checks what it holds.</summary>
internal static class PackagedNode
{
    /// <summary>The test output holds the published node: its apphost (the file an image or unit runs) and dll.</summary>
    public static string OutputDirectory => AppContext.BaseDirectory;

    public const string Apphost = "dhcp-node";

    /// <summary>Makes <paramref name="directory"/> (a volume or state directory) belong to the service's user, mode 0750.</summary>
    public static async Task<string> OwnedDirectoryAsync(string directory, int uid, int gid)
    {
        Directory.CreateDirectory(directory);
        (await Command.RunAsync("chown", FormattableString.Invariant($"{uid}:{gid}"), directory).ConfigureAwait(false)).EnsureSuccess();
        (await Command.RunAsync("chmod", "0750", directory).ConfigureAwait(false)).EnsureSuccess();
        return directory;
    }

    public static async Task<LabProcess> StartAsync(
        LabNamespace ns, RestrictedLaunch launch, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string interfaceName)
    {
        var process = ns.Start("setpriv", launch.SetprivArguments(file, arguments), environment);
        await process.WaitForLineAsync(
            new Regex($"DHCP4_OPEN_SOCKET listening on {Regex.Escape(interfaceName)} ", RegexOptions.None, TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(90)).ConfigureAwait(false);

        // Fully up: the command endpoint listens too (a SIGTERM while it starts is reported as an endpoint failure).
        await process.WaitForLineAsync(
            new Regex("COMMAND_ENDPOINT_LISTENING ", RegexOptions.None, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        return process;
    }

    /// <summary>Asserts the running node has the launch's uid and exactly <paramref name="capabilities"/> effective, permitted and bounding.</summary>
    public static void AssertHoldsExactly(LabProcess node, RestrictedLaunch launch, IReadOnlySet<string> capabilities)
    {
        var (masks, uid) = Capabilities.OfProcess(node.Id);
        var expected = Capabilities.Mask(capabilities);
        var shown = string.Join(", ", masks.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:x16}")));
        Assert.True(uid == launch.Uid, $"uid {uid}, expected {launch.Uid}");
        Assert.True(masks["CapEff"] == expected, $"{shown}; expected CapEff {expected:x16}");
        Assert.True(masks["CapPrm"] == expected, $"{shown}; expected CapPrm {expected:x16}");
        Assert.True(masks["CapBnd"] == expected, $"{shown}; expected CapBnd {expected:x16}");
        Assert.True(masks["CapAmb"] == Capabilities.Mask(launch.Ambient), $"{shown}; expected CapAmb {Capabilities.Mask(launch.Ambient):x16}");
    }

    /// <summary><c>UID[:GID]</c> as a compose file or Dockerfile writes it, numeric.</summary>
    public static (int Uid, int Gid) NumericUser(string user)
    {
        var parts = user.Split(':');
        var uid = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (uid, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : uid);
    }
}
