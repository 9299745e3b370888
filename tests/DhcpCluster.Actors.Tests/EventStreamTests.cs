namespace DhcpCluster.Actors.Tests;

public sealed class EventStreamTests : TestKit
{
    private sealed class Picky : ReceiveActor
    {
        public Picky() => Receive<int>(_ => { });
    }

    [Fact]
    public void Subscribers_get_events_of_their_type_and_subtypes_until_unsubscribed()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe.Ref, typeof(Exception)));
        Assert.False(Sys.EventStream.Subscribe(probe.Ref, typeof(Exception)));
        Sys.EventStream.Publish(new InvalidOperationException("sub"));
        Assert.Equal("sub", probe.ExpectMsg<InvalidOperationException>().Message);
        Sys.EventStream.Publish("not an exception");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref, typeof(Exception)));
        Sys.EventStream.Publish(new InvalidOperationException("gone"));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Dead_letters_are_published_and_counted()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);
        var actor = ActorOf<Picky>("dead-target");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var before = Sys.DeadLetterCount;
        for (var i = 0; i < 3; i++)
        {
            actor.Tell("lost " + i, TestActor);
        }

        for (var i = 0; i < 3; i++)
        {
            var dead = probe.ExpectMsg<DeadLetter>();
            Assert.Equal("lost " + i, dead.Message);
            Assert.Equal(TestActor, dead.Sender);
            Assert.Equal(actor, dead.Recipient);
        }

        Assert.Equal(before + 3, Sys.DeadLetterCount);
        Sys.DeadLetters.Tell("direct", TestActor);
        probe.ExpectMsg<DeadLetter>(d => d.Message is "direct");
    }

    [Fact]
    public void Dead_letters_are_logged_with_their_count()
    {
        var actor = ActorOf<Picky>("logged");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        EventFilter.Info(contains: "dead letters encountered").ExpectOne(() => actor.Tell("x"));
    }

    [Fact]
    public void Unhandled_messages_are_published()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(probe.Ref);
        var actor = ActorOf<Picky>();
        actor.Tell("a string", TestActor);
        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        Assert.Equal("a string", unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public void Replies_without_a_sender_go_to_dead_letters()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(probe.Ref);
        var echo = ActorOf(Props.Create(() => new Echo()));
        echo.Tell("no sender", null);
        probe.ExpectMsg<DeadLetter>(d => d.Message is "no sender");
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }
}
