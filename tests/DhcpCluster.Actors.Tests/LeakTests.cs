namespace DhcpCluster.Actors.Tests;

[Collection(SequentialCollection.Name)]
public sealed class LeakTests : TestKit
{
    private sealed class Tiny : ReceiveActor
    {
        public Tiny() => Receive<string>(_ => { });
    }

    [Fact]
    public void Hundred_thousand_actors_started_and_stopped_leave_nothing_behind()
    {
        const int Count = 100_000;
        var system = (ActorSystemImpl)Sys;
        var baseline = system.TopLevelActorCount;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var actors = new IActorRef[Count];
        for (var i = 0; i < Count; i++)
        {
            actors[i] = Sys.ActorOf(Props.Create(() => new Tiny()));
            actors[i].Tell("hello");
        }

        Assert.Equal(baseline + Count, system.TopLevelActorCount);
        foreach (var actor in actors)
        {
            Sys.Stop(actor);
        }

        AwaitCondition(() => system.TopLevelActorCount == baseline, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), "all children removed");
        AwaitCondition(() => actors.All(a => ((InternalActorRef)a).IsTerminated), TimeSpan.FromSeconds(10));
        Array.Clear(actors);
        Assert.Equal(0, system.TempContainer.Count);
        long memoryAfter = 0;
        AwaitAssert(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
            // 100,000 live actors take tens of megabytes; what stays must be a small fraction of that (the parent's
            // maps of children and watched actors give back their capacity once they have emptied).
            Assert.True(memoryAfter - memoryBefore < 2 * 1024 * 1024, $"memory grew by {(memoryAfter - memoryBefore) / 1024} KiB");
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
    }
}
