using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace DhcpCluster.Actors.Tests;

public sealed class CoordinatedShutdownTests
{
    private static ActorSystem NewSystem(string name, string hocon = "") =>
        ActorSystem.Create(name, DhcpCluster.Hocon.ConfigFactory.ParseString("dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off\n" + hocon));

    [Fact]
    public async Task Phases_run_in_Akka_order_and_terminate_the_system()
    {
        using var system = NewSystem("cs-order");
        var shutdown = CoordinatedShutdown.Get(system);
        Assert.Equal(
            [
                "before-service-unbind", "service-unbind", "service-requests-done", "service-stop", "before-cluster-shutdown",
                "cluster-sharding-shutdown-region", "cluster-leave", "cluster-exiting", "cluster-exiting-done", "cluster-shutdown",
                "before-actor-system-terminate", "actor-system-terminate",
            ],
            shutdown.OrderedPhases);
        var ran = new ConcurrentQueue<string>();
        foreach (var phase in shutdown.OrderedPhases.Reverse())
        {
            shutdown.AddTask(phase, "record-" + phase, () =>
            {
                ran.Enqueue(phase);
                return Task.FromResult(Done.Instance);
            });
        }

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(shutdown.OrderedPhases, ran.ToArray());
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.IsType<CoordinatedShutdown.ActorSystemTerminateReason>(shutdown.ShutdownReason);
    }

    [Fact]
    public async Task A_slow_task_times_out_its_phase_and_the_next_phases_still_run()
    {
        using var system = NewSystem("cs-timeout", "dhcp-cluster.coordinated-shutdown.phases.service-stop.timeout = 200ms");
        var shutdown = CoordinatedShutdown.Get(system);
        Assert.Equal(TimeSpan.FromMilliseconds(200), shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop));
        var later = new TaskCompletionSource();
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "hangs", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "after", () =>
        {
            later.TrySetResult();
            return Task.FromResult(Done.Instance);
        });
        var started = DateTime.UtcNow;
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(later.Task.IsCompleted);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task A_failing_task_does_not_stop_the_shutdown_and_Run_is_idempotent()
    {
        using var system = NewSystem("cs-fail");
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "fails", () => throw new InvalidOperationException("unbind failed"));
        var first = shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        var second = shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);
        Assert.Same(first, second);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsType<CoordinatedShutdown.UnknownReason>(shutdown.ShutdownReason);
        Assert.Throws<InvalidOperationException>(() => shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "late", () => Task.FromResult(Done.Instance)));
        Assert.False(shutdown.TryAddTask(CoordinatedShutdown.PhaseServiceStop, "late", () => Task.FromResult(Done.Instance)));
    }

    [Fact]
    public async Task TryAddTask_adds_a_task_that_runs_in_its_phase_before_the_shutdown_starts()
    {
        using var system = NewSystem("cs-try");
        var shutdown = CoordinatedShutdown.Get(system);
        var ran = 0;
        Assert.True(shutdown.TryAddTask(CoordinatedShutdown.PhaseServiceUnbind, "counts", () =>
        {
            Interlocked.Increment(ref ran);
            return Task.FromResult(Done.Instance);
        }));
        Assert.Throws<ArgumentException>(() => shutdown.TryAddTask("no-such-phase", "x", () => Task.FromResult(Done.Instance)));
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref ran));
    }

    [Fact]
    public async Task Sigterm_runs_the_coordinated_shutdown_instead_of_killing_the_process()
    {
        using var system = ActorSystem.Create("cs-signal", DhcpCluster.Hocon.ConfigFactory.ParseString("dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = on"));
        var ran = new TaskCompletionSource();
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind", () =>
        {
            ran.TrySetResult();
            return Task.FromResult(Done.Instance);
        });
        using (var kill = Process.Start("kill", ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(ran.Task.IsCompleted);
        Assert.IsType<CoordinatedShutdown.ClrExitReason>(CoordinatedShutdown.Get(system).ShutdownReason);
    }

    [Fact]
    public async Task A_terminate_phase_that_times_out_names_the_actors_still_alive()
    {
        var entries = new ConcurrentQueue<string>();
        using var sink = new DhcpCluster.Actors.Testing.TestLogSink();
        using var subscription = sink.Listen(e => entries.Enqueue(e.Message));
        using var loggers = new Microsoft.Extensions.Logging.LoggerFactory([sink]);
        using var gate = new ManualResetEventSlim();
        var system = ActorSystem.Create(
            "cs-stuck",
            DhcpCluster.Hocon.ConfigFactory.ParseString("""
                dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
                dhcp-cluster.coordinated-shutdown.phases.actor-system-terminate.timeout = 300ms
                """),
            new ActorSystemSetup { LoggerFactory = loggers });
        try
        {
            using var entered = new ManualResetEventSlim();
            var parent = system.ActorOf(Props.Create(() => new BusyParent(entered, gate)), "parent");
            parent.Tell("block", ActorRefs.NoSender);
            Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "the parent never started its blocking message");
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));

            var report = Assert.Single(entries, m => m.Contains("actors still alive", StringComparison.Ordinal));
            Assert.Contains("/user [GuardianActor] terminating children=1 stopping=1", report, StringComparison.Ordinal);
            Assert.Contains("/user/parent [BusyParent] scheduled system-messages-pending children=1", report, StringComparison.Ordinal);
            Assert.Contains("/user/parent/child [Idle]", report, StringComparison.Ordinal);
            Assert.False(system.WhenTerminated.IsCompleted);
        }
        finally
        {
            gate.Set();
        }

        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Top_level_actors_created_from_other_threads_while_the_system_terminates_never_keep_it_alive()
    {
        // A guardian stopping its children must also stop one that another thread registered but had not finished
        // creating: else the guardian waits for it for ever and the system never terminates.
        for (var round = 0; round < 200; round++)
        {
            var system = ActorSystem.Create("cs-race", DhcpCluster.Hocon.ConfigFactory.ParseString("""
                dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
                dhcp-cluster.coordinated-shutdown.run-by-actor-system-terminate = off
                """));
            using var start = new Barrier(3);
            var creators = Enumerable.Range(0, 2).Select(t => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    for (var i = 0; i < 200; i++)
                    {
                        try
                        {
                            system.ActorOf(Props.Create(() => new Idle()), string.Create(CultureInfo.InvariantCulture, $"a{t}-{i}"));
                        }
                        catch (InvalidOperationException)
                        {
                            return; // the guardian is terminating: no more children
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)).ToArray();
            start.SignalAndWait();
            Thread.SpinWait(Random.Shared.Next(20_000));
            var terminated = system.Terminate();
            await Task.WhenAll(creators).WaitAsync(TimeSpan.FromSeconds(10));
            var finished = await Task.WhenAny(terminated, Task.Delay(TimeSpan.FromSeconds(10)));
            Assert.True(ReferenceEquals(finished, terminated), $"round {round}: the system did not terminate; alive:{Environment.NewLine}{((ActorSystemImpl)system).DescribeLiveActors()}");
        }
    }

    /// <summary>Blocks its thread on "block" until the gate opens, so it cannot process its Terminate meanwhile.</summary>
    private sealed class BusyParent : ReceiveActor
    {
        public BusyParent(ManualResetEventSlim entered, ManualResetEventSlim gate)
        {
            Receive<string>(_ =>
            {
                entered.Set();
                gate.Wait(TimeSpan.FromSeconds(30));
            });
        }

        protected override void PreStart() => Context.ActorOf(Props.Create(() => new Idle()), "child");
    }

    private sealed class Idle : ReceiveActor;

    [Fact]
    public void Unknown_phase_is_rejected()
    {
        using var system = NewSystem("cs-unknown");
        var e = Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(system).AddTask("no-such-phase", "t", () => Task.FromResult(Done.Instance)));
        Assert.Contains("no-such-phase", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_stops_user_actors()
    {
        var system = NewSystem("cs-actors");
        var stopped = new TaskCompletionSource();
        system.ActorOf(Props.Create(() => new StopSignal(stopped)));
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(stopped.Task.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new StopSignal(stopped))));
    }

    private sealed class StopSignal : ReceiveActor
    {
        private readonly TaskCompletionSource _stopped;

        public StopSignal(TaskCompletionSource stopped)
        {
            _stopped = stopped;
            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _stopped.TrySetResult();
    }
}
