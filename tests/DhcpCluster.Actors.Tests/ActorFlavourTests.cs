namespace DhcpCluster.Actors.Tests;

public sealed class ActorFlavourTests : TestKit
{
    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is string s)
            {
                Sender.Tell(s.Length);
            }
            else
            {
                Unhandled(message);
            }
        }
    }

    private sealed class Declining : ReceiveActor
    {
        public Declining()
        {
            Receive<int>(i =>
            {
                if (i < 0)
                {
                    return false;
                }

                Sender.Tell("positive");
                return true;
            });
            ReceiveAny(m => Sender.Tell("fallback " + m));
        }
    }

    [Fact]
    public void UntypedActor_handles_and_declines()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe<UnhandledMessage>(probe.Ref);
        var actor = ActorOf<Untyped>();
        actor.Tell("four", TestActor);
        ExpectMsg(4);
        actor.Tell(1.5, TestActor);
        probe.ExpectMsg<UnhandledMessage>(u => u.Message is 1.5);
    }

    [Fact]
    public void Receive_returning_false_falls_through_to_the_next_handler()
    {
        var actor = ActorOf<Declining>();
        actor.Tell(3, TestActor);
        ExpectMsg("positive");
        actor.Tell(-3, TestActor);
        ExpectMsg("fallback -3");
    }
}
