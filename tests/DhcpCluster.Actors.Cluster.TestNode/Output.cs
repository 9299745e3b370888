using System.Globalization;

namespace DhcpCluster.Actors.Cluster.TestNode;

/// <summary>Line output with a UTC timestamp (so tests and benchmarks can time events across processes).</summary>
public static class Output
{
    private static readonly Lock Gate = new();

    public static void Line(string text)
    {
        lock (Gate)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {text}"));
            Console.Out.Flush();
        }
    }
}
