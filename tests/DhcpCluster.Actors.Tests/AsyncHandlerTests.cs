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

    private sealed class Front : ReceiveActor
    {
        private int _handled;

        public Front(IActorRef backend)
        {
            ReceiveAsync<string>(async question =>
            {
                var answer = await backend.Ask<string>(question, TimeSpan.FromSeconds(5));
                _handled++;
                Sender.Tell(answer + " #" + _handled);
            });
        }
    }

    private sealed class Backend : ReceiveActor
    {
        public Backend() => Receive<string>(s =>
        {
            // Tell without an explicit sender inside an actor sends as Self.
            Sender.Tell(s.ToUpperInvariant());
        });
    }

    [Fact]
    public void An_async_handler_can_ask_another_actor_and_reply_to_its_sender()
    {
        var backend = ActorOf<Backend>();
        var front = ActorOf(Props.Create(() => new Front(backend)));
        front.Tell("a", TestActor);
        front.Tell("b", TestActor);
        ExpectMsg("A #1");
        ExpectMsg("B #2");
    }

    private sealed class SelfSender : ReceiveActor
    {
        public SelfSender(IActorRef probe) => Receive<string>(s => probe.Tell(s));
    }

    [Fact]
    public void Tell_without_sender_inside_an_actor_uses_self()
    {
        var relay = ActorOf(Props.Create(() => new SelfSender(TestActor)), "relay");
        relay.Tell("from outside");
        ExpectMsg("from outside");
        Assert.Equal(relay, LastSender);
    }

    private sealed class Holder : ReceiveActor
    {
        public Holder(IActorRef probe)
        {
            Receive<string>(s => s is "hold", command =>
            {
                // What persistence does while a journal write is in flight: hold commands, finish from another thread.
                var cell = ((LocalActorRef)Self).Cell;
                cell.HoldMessages();
                _ = Task.Delay(150).ContinueWith(
                    delay => cell.RunInActor(c =>
                    {
                        probe.Tell("write done");
                        c.ReleaseMessages();
                    }),
                    TaskScheduler.Default);
            });
            Receive<string>(s => s is "hold-and-crash", _ =>
            {
                ((LocalActorRef)Self).Cell.HoldMessages();
                throw new InvalidOperationException("crash while holding");
            });
            Receive<string>(s => probe.Tell("command " + s));
        }
    }

    [Fact]
    public void Held_messages_wait_for_the_release_and_a_restart_drops_the_hold()
    {
        var holder = ActorOf(Props.Create(() => new Holder(TestActor)));
        holder.Tell("hold");
        holder.Tell("next");
        ExpectMsg("write done");
        ExpectMsg("command next");
        holder.Tell("hold-and-crash");
        holder.Tell("after restart");
        ExpectMsg("command after restart");
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
