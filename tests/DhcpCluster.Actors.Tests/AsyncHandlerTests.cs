// Awaits inside actors must resume in the actor (its synchronization context): ConfigureAwait(false) would break that.
#pragma warning disable MA0004

namespace DhcpCluster.Actors.Tests;

public sealed class AsyncHandlerTests : TestKit
{
    private sealed class Slow : ReceiveActor
    {
        private int _inFlight;

        public Slow(IActorRef probe)
        {
            ReceiveAsync<int>(async delay =>
            {
                _inFlight++;
                var sender = Sender;
                probe.Tell("start " + delay + " inflight " + _inFlight);
                await Task.Delay(delay);
                // After the await we are back inside the actor: Sender and Self are those of this message.
                probe.Tell("end " + delay + " same sender " + ReferenceEquals(sender, Sender) + " self " + Self.Path.Name);
                _inFlight--;
            });
            ReceiveAsync<string>(s => s is "throw-after-await", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("async failure");
            });
            ReceiveAsync<string>(s => s is "throw-sync", _ => throw new InvalidOperationException("sync failure"));
            Receive<string>(s => probe.Tell("sync " + s));
        }

        protected override void PostRestart(Exception reason) => Context.System.EventStream.Publish("restarted after " + reason.Message);
    }

    [Fact]
    public void ReceiveAsync_processes_nothing_else_until_the_task_completes()
    {
        var actor = ActorOf(Props.Create(() => new Slow(TestActor)), "slow");
        actor.Tell(200, TestActor);
        actor.Tell("after", TestActor);
        actor.Tell(10, TestActor);
        ExpectMsg("start 200 inflight 1");
        ExpectMsg("end 200 same sender True self slow");
        ExpectMsg("sync after");
        ExpectMsg("start 10 inflight 1");
        ExpectMsg("end 10 same sender True self slow");
    }

    [Fact]
    public void Exception_after_an_await_fails_and_restarts_the_actor()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<string>(events.Ref);
        var actor = ActorOf(Props.Create(() => new Slow(TestActor)));
        EventFilter.Exception<InvalidOperationException>("async failure").ExpectOne(() => actor.Tell("throw-after-await"));
        events.ExpectMsg("restarted after async failure");
        actor.Tell("alive");
        ExpectMsg("sync alive");
    }

    [Fact]
    public void Synchronous_exception_in_an_async_handler_fails_the_actor()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<string>(events.Ref);
        var actor = ActorOf(Props.Create(() => new Slow(TestActor)));
        actor.Tell("throw-sync");
        events.ExpectMsg("restarted after sync failure");
    }

    private sealed class Stopper : ReceiveActor
    {
        public Stopper(IActorRef probe)
        {
            ReceiveAsync<string>(async _ =>
            {
                await Task.Delay(100);
                probe.Tell("continued");
            });
        }

        protected override void PostStop() => _ = 0;
    }

    [Fact]
    public void System_messages_still_flow_while_awaiting()
    {
        var actor = ActorOf(Props.Create(() => new Stopper(TestActor)));
        actor.Tell("go");
        Thread.Sleep(20);
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor, TimeSpan.FromSeconds(1));
    }
}
