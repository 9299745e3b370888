using System.Diagnostics;
using DhcpCluster.Actors;

namespace DhcpCluster.Actors.Benchmarks;

/// <summary>Aggregate Tell throughput between pairs of actors: each pair keeps a window of messages in flight.</summary>
internal static class TellThroughput
{
    /// <summary>Runs once; returns messages per wall-clock second and per second of this process's CPU time.</summary>
    public static (double PerSecond, double PerCpuSecond) Run(ActorSystem system, int pairs, int messagesPerPair, int inFlight, bool freshMessages)
    {
        using var done = new CountdownEvent(pairs);
        var clients = new List<IActorRef>(pairs);
        var actors = new List<IActorRef>(pairs * 2);
        for (var i = 0; i < pairs; i++)
        {
            var echo = system.ActorOf(Props.Create(() => new Echo()));
            var client = system.ActorOf(Props.Create(() => new Client(echo, messagesPerPair, inFlight, freshMessages, done)));
            clients.Add(client);
            actors.Add(echo);
            actors.Add(client);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        foreach (var client in clients)
        {
            client.Tell(Client.Start.Instance, null);
        }

        done.Wait();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        foreach (var actor in actors)
        {
            system.Stop(actor);
        }

        // Every message is delivered twice: client to echo and echo back to client.
        var messages = 2.0 * pairs * messagesPerPair;
        return (messages / elapsed.TotalSeconds, messages / cpu.TotalSeconds);
    }

    private sealed class Ping
    {
        public static readonly Ping Shared = new();
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<Ping>(ping => Sender.Tell(ping, Self));
    }

    private sealed class Client : ReceiveActor
    {
        private readonly IActorRef _echo;
        private readonly int _total;
        private readonly int _window;
        private readonly bool _fresh;
        private readonly CountdownEvent _done;
        private int _sent;
        private int _received;

        public Client(IActorRef echo, int total, int window, bool fresh, CountdownEvent done)
        {
            _echo = echo;
            _total = total;
            _window = window;
            _fresh = fresh;
            _done = done;
            Receive<Start>(_ =>
            {
                for (var i = 0; i < _window && _sent < _total; i++)
                {
                    Send();
                }
            });
            Receive<Ping>(_ =>
            {
                _received++;
                if (_sent < _total)
                {
                    Send();
                }
                else if (_received == _total)
                {
                    _done.Signal();
                }
            });
        }

        private void Send()
        {
            _sent++;
            _echo.Tell(_fresh ? new Ping() : Ping.Shared, Self);
        }

        public sealed class Start
        {
            public static readonly Start Instance = new();
        }
    }
}
