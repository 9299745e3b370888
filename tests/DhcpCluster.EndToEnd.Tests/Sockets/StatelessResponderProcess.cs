using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Sockets;

/// <summary>Starts the stateless responder (socket layer + codec, no state) in a lab namespace.</summary>
internal static partial class StatelessResponderProcess
{
    public static async Task<LabProcess> StartAsync(LabNamespace ns, IEnumerable<string> interfaces, IEnumerable<string> subnets)
    {
        var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "DhcpCluster.StatelessResponder.dll"), "--verbose", "--exit-after", "300" };
        arguments.AddRange(interfaces.SelectMany(i => new[] { "--interface", i }));
        arguments.AddRange(subnets.SelectMany(s => new[] { "--subnet", s }));
        var process = ns.Start("dotnet", arguments);
        await process.WaitForLineAsync(Ready(), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return process;
    }

    /// <summary>How many times the responder heard a message of <paramref name="type"/> on <paramref name="interfaceName"/>.</summary>
    public static int Heard(LabProcess responder, string interfaceName, string type) =>
        responder.Lines.Count(l => l.StartsWith($"RECV if={interfaceName} type={type} ", StringComparison.Ordinal));

    [GeneratedRegex("^READY$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Ready();
}
