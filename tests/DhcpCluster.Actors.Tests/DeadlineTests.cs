using System.Collections.Concurrent;
using System.Diagnostics;

namespace DhcpCluster.Actors.Tests;

/// <summary>Reusable deadlines on the scheduler's wheel: never early, once per arming, the last arming wins, disarm stops it.</summary>
public sealed class DeadlineTests : TestKit
{
    private sealed class Recording(ConcurrentQueue<(long Token, long ElapsedMs)> expiries, Stopwatch clock) : Deadline
    {
        protected override void Expired(long token) => expiries.Enqueue((token, clock.ElapsedMilliseconds));
    }

    private sealed class Throwing : Deadline
    {
        protected override void Expired(long token) => throw new InvalidOperationException("expiry failed");
    }

    private sealed class Telling(IActorRef target) : Deadline
    {
        protected override void Expired(long token) => target.Tell(token);
    }

    [Fact]
    public void A_deadline_expires_once_and_never_before_its_delay()
    {
        var expiries = new ConcurrentQueue<(long Token, long ElapsedMs)>();
        var clock = Stopwatch.StartNew();
        var deadline = new Recording(expiries, clock);
        Sys.Scheduler.Arm(deadline, TimeSpan.FromMilliseconds(120), token: 7);
        Assert.True(deadline.IsArmed);
        AwaitCondition(() => !expiries.IsEmpty, TimeSpan.FromSeconds(5));
        Thread.Sleep(100);
        var only = Assert.Single(expiries);
        Assert.Equal(7, only.Token);
        Assert.True(only.ElapsedMs >= 120, $"expired after {only.ElapsedMs} ms");
        Assert.False(deadline.IsArmed);
        Assert.False(Sys.Scheduler.Disarm(deadline));
    }

    [Fact]
    public void Arming_again_replaces_the_earlier_arming_and_disarming_cancels_it()
    {
        var expiries = new ConcurrentQueue<(long Token, long ElapsedMs)>();
        var clock = Stopwatch.StartNew();
        var replaced = new Recording(expiries, clock);
        Sys.Scheduler.Arm(replaced, TimeSpan.FromMilliseconds(50), token: 1);
        Sys.Scheduler.Arm(replaced, TimeSpan.FromMilliseconds(250), token: 2);
        var cancelled = new Recording(expiries, clock);
        Sys.Scheduler.Arm(cancelled, TimeSpan.FromMilliseconds(50), token: 3);
        Assert.True(Sys.Scheduler.Disarm(cancelled));

        AwaitCondition(() => !expiries.IsEmpty, TimeSpan.FromSeconds(5));
        Thread.Sleep(150);
        var only = Assert.Single(expiries);
        Assert.Equal(2, only.Token);
        Assert.True(only.ElapsedMs >= 250, $"expired after {only.ElapsedMs} ms");
    }

    [Fact]
    public void Many_deadlines_in_the_same_and_in_later_rounds_each_expire_after_their_own_delay()
    {
        var expiries = new ConcurrentQueue<(long Token, long ElapsedMs)>();
        var clock = Stopwatch.StartNew();
        var random = new Random(5);
        var delays = Enumerable.Range(0, 2000).Select(_ => random.Next(0, 700)).ToArray();
        var deadlines = delays.Select(_ => new Recording(expiries, clock)).ToArray();
        for (var i = 0; i < deadlines.Length; i++)
        {
            Sys.Scheduler.Arm(deadlines[i], TimeSpan.FromMilliseconds(delays[i]), token: i);
        }

        AwaitCondition(() => expiries.Count == deadlines.Length, TimeSpan.FromSeconds(10));
        Thread.Sleep(50);
        Assert.Equal(deadlines.Length, expiries.Count);
        Assert.Equal(deadlines.Length, expiries.Select(e => e.Token).Distinct().Count());
        Assert.All(expiries, e => Assert.True(e.ElapsedMs >= delays[e.Token], $"deadline {e.Token} of {delays[e.Token]} ms expired after {e.ElapsedMs} ms"));
    }

    [Fact]
    public void A_failing_expiry_does_not_stop_the_wheel_for_the_others()
    {
        Sys.Scheduler.Arm(new Throwing(), TimeSpan.Zero);
        Sys.Scheduler.Arm(new Telling(TestActor), TimeSpan.FromMilliseconds(30), token: 42);
        ExpectMsg(42L, TimeSpan.FromSeconds(5));
    }
}
