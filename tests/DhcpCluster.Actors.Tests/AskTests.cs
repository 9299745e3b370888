namespace DhcpCluster.Actors.Tests;

public sealed class AskTests : TestKit
{
    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(s => s is "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("refused"))));
            Receive<string>(s => s is "silent", _ => { });
            Receive<string>(s => s is "slow-stop", _ => Context.Stop(Self));
            Receive<string>(s => Sender.Tell(s.ToUpperInvariant()));
            Receive<int>(i => Sender.Tell(i));
        }
    }

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var actor = ActorOf<Responder>();
        Assert.Equal("HI", await actor.Ask<string>("hi", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Ask_times_out_with_a_clear_exception()
    {
        var actor = ActorOf<Responder>("quiet");
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>("silent", TimeSpan.FromMilliseconds(100)));
        Assert.Contains("/user/quiet", e.Message, StringComparison.Ordinal);
        Assert.Contains("timed out after 100 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_fails_with_the_cause_of_Status_Failure()
    {
        var actor = ActorOf<Responder>();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<string>("fail", TimeSpan.FromSeconds(3)));
        Assert.Equal("refused", e.Message);
    }

    [Fact]
    public async Task Ask_with_a_reply_of_the_wrong_type_fails()
    {
        var actor = ActorOf<Responder>();
        var e = await Assert.ThrowsAsync<InvalidCastException>(() => actor.Ask<string>(7, TimeSpan.FromSeconds(3)));
        Assert.Contains("expected a reply of type String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_can_be_cancelled()
    {
        var actor = ActorOf<Responder>();
        using var cts = new CancellationTokenSource();
        var task = actor.Ask<string>("silent", TimeSpan.FromSeconds(30), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public async Task Ask_to_a_dead_actor_fails_fast()
    {
        var actor = ActorOf<Responder>("gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>("hi", TimeSpan.FromSeconds(10)));
        Assert.Contains("already been terminated", e.Message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Ask_whose_message_becomes_a_dead_letter_fails_fast()
    {
        var actor = ActorOf<Responder>();
        actor.Tell("slow-stop");
        var task = actor.Ask<string>("late", TimeSpan.FromSeconds(20));
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(e.Message.Contains("already been terminated", StringComparison.Ordinal) || e.Message.Contains("dead letter", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public async Task Asks_leave_no_registration_behind()
    {
        var actor = ActorOf<Responder>();
        var system = (ActorSystemImpl)Sys;
        var tasks = new List<Task<string>>();
        for (var i = 0; i < 50; i++)
        {
            // Requesting the path registers the temporary ref (as a transport would); completion must unregister it.
            tasks.Add(actor.Ask<string>(r => (object)("x" + r.Path.Name.Length), TimeSpan.FromSeconds(5)));
        }

        await Task.WhenAll(tasks);
        await Assert.ThrowsAsync<AskTimeoutException>(() => actor.Ask<string>(r => r.Path.Name.Length > 0 ? "silent" : "unexpected", TimeSpan.FromMilliseconds(50)));
        Assert.Equal(0, system.TempContainer.Count);
    }

    [Fact]
    public void PipeTo_sends_result_or_failure()
    {
        _ = Task.FromResult(5).PipeTo(TestActor);
        ExpectMsg(5);
        _ = Task.FromException<int>(new InvalidOperationException("bad")).PipeTo(TestActor);
        var failure = ExpectMsg<Status.Failure>();
        Assert.Equal("bad", failure.Cause.Message);
        _ = Task.FromResult(2).PipeTo(TestActor, success: i => "value " + i);
        ExpectMsg("value 2");
    }

    [Fact]
    public async Task GracefulStop_completes_when_stopped_and_false_on_timeout()
    {
        var actor = ActorOf<Responder>();
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));
        var stubborn = ActorOf<Responder>();
        Assert.False(await stubborn.GracefulStop(TimeSpan.FromMilliseconds(200), "silent"));
    }
}
