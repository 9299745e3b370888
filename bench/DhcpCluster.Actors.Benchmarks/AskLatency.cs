using System.Diagnostics;
using DhcpCluster.Actors;

namespace DhcpCluster.Actors.Benchmarks;

/// <summary>Round-trip latency of sequential asks from outside any actor.</summary>
internal static class AskLatency
{
    public static (double MedianMicroseconds, double P99Microseconds) Run(ActorSystem system, int count, TimeSpan? timeout = null)
    {
        var echo = system.ActorOf(Props.Create(() => new Echo()));
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            echo.Ask<string>("ping", timeout).GetAwaiter().GetResult();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        system.Stop(echo);
        Array.Sort(samples);
        return (samples[count / 2], samples[(int)(count * 0.99)]);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(s => Sender.Tell(s, Self));
    }
}
