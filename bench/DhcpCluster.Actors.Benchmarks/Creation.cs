using System.Diagnostics;
using DhcpCluster.Actors;

namespace DhcpCluster.Actors.Benchmarks;

/// <summary>Actor creation rate and memory per idle actor.</summary>
internal static class Creation
{
    public static double Run(ActorSystem system, int count)
    {
        using var started = new CountdownEvent(count);
        var actors = new IActorRef[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            actors[i] = system.ActorOf(Props.Create(() => new Idle()));
            actors[i].Tell(started, null);
        }

        started.Wait();
        var elapsed = Stopwatch.GetElapsedTime(start);
        StopAll(system, actors);
        return count / elapsed.TotalSeconds;
    }

    public static long MemoryPerIdleActor(ActorSystem system, int count)
    {
        using var started = new CountdownEvent(count);
        var before = Settle();
        var actors = new IActorRef[count];
        for (var i = 0; i < count; i++)
        {
            actors[i] = system.ActorOf(Props.Create(() => new Idle()));
            actors[i].Tell(started, null);
        }

        started.Wait();
        var after = Settle();
        GC.KeepAlive(actors);
        StopAll(system, actors);

        // The refs array itself (8 bytes per actor) is the harness's, not the actor's.
        return ((after - before) / count) - 8;
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void StopAll(ActorSystem system, IActorRef[] actors)
    {
        var last = actors[^1];
        foreach (var actor in actors)
        {
            system.Stop(actor);
        }

        last.GracefulStop(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        Thread.Sleep(500);
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle() => Receive<CountdownEvent>(started => started.Signal());
    }
}
