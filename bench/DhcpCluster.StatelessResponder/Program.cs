using System.Globalization;
using System.Runtime.InteropServices;
using DhcpCluster.Dhcp;
using DhcpCluster.Sockets;
using DhcpCluster.Sockets.Interfaces;
using DhcpCluster.StatelessResponder;

// Usage: DhcpCluster.StatelessResponder --interface IF [--interface IF ...] --subnet CIDR [--subnet CIDR ...]
//        [--verbose] [--exit-after SECONDS]
// Prints "READY" once every socket is open, and totals on exit (SIGTERM, Ctrl-C or --exit-after).
var interfaces = new List<string>();
var subnets = new List<Ipv4Network>();
var verbose = false;
var exitAfter = TimeSpan.FromHours(1);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--interface" when i + 1 < args.Length:
            interfaces.Add(args[++i]);
            break;
        case "--subnet" when i + 1 < args.Length:
            subnets.Add(Ipv4Network.Parse(args[++i]));
            break;
        case "--verbose":
            verbose = true;
            break;
        case "--exit-after" when i + 1 < args.Length:
            exitAfter = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'").ConfigureAwait(false);
            return 2;
    }
}

if (interfaces.Count == 0 || subnets.Count == 0)
{
    await Console.Error.WriteLineAsync("usage: --interface IF [--interface IF ...] --subnet CIDR [--subnet CIDR ...] [--verbose] [--exit-after SECONDS]").ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource(exitAfter);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var loops = new List<ResponderLoop>();
try
{
    foreach (var name in interfaces)
    {
        var link = LinkInfo.Find(name) ?? throw new SocketOpenException(name, "interface does not exist", null);
        loops.Add(new ResponderLoop(link, subnets, verbose));
    }

    Console.WriteLine("READY");
    await Task.WhenAll(loops.Select(l => l.RunAsync(stop.Token))).ConfigureAwait(false);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"TOTAL received={loops.Sum(l => l.Received)} answered={loops.Sum(l => l.Answered)} dropped={loops.Sum(l => l.Dropped)}"));
    return 0;
}
catch (SocketOpenException ex)
{
    await Console.Error.WriteLineAsync($"cannot open sockets: {ex.Message}").ConfigureAwait(false);
    return 1;
}
finally
{
    foreach (var loop in loops)
    {
        loop.Dispose();
    }
}
