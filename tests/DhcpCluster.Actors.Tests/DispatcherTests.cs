using System.Globalization;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Tests;

/// <summary>The fork-join executor: configuration, where actors run, no lost wake-ups, no idle CPU, shutdown.</summary>
public sealed class DispatcherTests : TestKit
{
    private const string Id = "fj-test";

    public DispatcherTests()
        : base($$"""
            dhcp-cluster.actor.{{Id}} {
              type = Dispatcher
              executor = fork-join-executor
              throughput = 5
              fork-join-executor { parallelism-min = 2, parallelism-factor = 1.0, parallelism-max = 2 }
            }
            """)
    {
    }

    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter() => ReceiveAny(_ => Sender.Tell(Thread.CurrentThread.Name ?? "", Self));
    }

    /// <summary>Bounces a counter with a peer; records the thread of every turn and any overlap of two turns.</summary>
    private sealed class Bouncer : ReceiveActor
    {
        private int _running;

        public Bouncer(IActorRef probe, List<int>? threads)
        {
            Receive<(IActorRef Peer, int Left)>(m =>
            {
                if (Interlocked.Exchange(ref _running, 1) != 0)
                {
                    probe.Tell("overlap");
                }

                threads?.Add(Environment.CurrentManagedThreadId);
                if (m.Left == 0)
                {
                    probe.Tell("done");
                }
                else
                {
                    m.Peer.Tell((Self, m.Left - 1), Self);
                }

                Volatile.Write(ref _running, 0);
            });
        }
    }

    /// <summary>Counts messages; reports an overlap of two turns (a mailbox run on two threads at once).</summary>
    private sealed class Counter : ReceiveActor
    {
        private int _running;
        private int _count;

        public Counter(IActorRef probe)
        {
            Receive<int>(_ =>
            {
                if (Interlocked.Exchange(ref _running, 1) != 0)
                {
                    probe.Tell("overlap");
                }

                _count++;
                Volatile.Write(ref _running, 0);
            });
            Receive<string>(s => s is "count", _ => Sender.Tell(_count, Self));
        }
    }

    [Fact]
    public void A_dispatcher_section_is_read_with_the_default_dispatchers_keys()
    {
        var settings = ActorSystemSettingsReader.Read(ConfigFactory.ParseString("""
            dhcp-cluster.actor.packets { type = Dispatcher, executor = fork-join-executor, fork-join-executor { parallelism-min = 2, parallelism-max = 3 } }
            dhcp-cluster.actor.not-a-dispatcher { something = 1 }
            """));
        var packets = settings.Dispatchers["packets"];
        Assert.Equal(DispatcherExecutorKind.ForkJoinExecutor, packets.Executor);
        Assert.Equal(30, packets.Throughput);
        Assert.Equal(new ForkJoinParallelism(2, 1.0, 3), packets.Parallelism);
        Assert.False(settings.Dispatchers.ContainsKey("not-a-dispatcher"));
        Assert.Equal(DispatcherExecutorKind.DefaultExecutor, settings.DefaultDispatcherExecutor);
    }

    [Fact]
    public void Parallelism_is_processors_times_factor_within_min_and_max()
    {
        Assert.Equal(8, ForkJoinParallelism.Default.ThreadCount(2));
        Assert.Equal(64, ForkJoinParallelism.Default.ThreadCount(100));
        Assert.Equal(3, new ForkJoinParallelism(1, 1.5, 16).ThreadCount(2));
        Assert.Equal(1, new ForkJoinParallelism(1, 0.25, 16).ThreadCount(2));
    }

    [Theory]
    [InlineData("type = Dispatcher, executor = fibers", "executor")]
    [InlineData("type = PinnedDispatcher", "type")]
    [InlineData("type = Dispatcher, fork-join-executor.parallelism-min = 0", "fork-join-executor.parallelism-min")]
    [InlineData("type = Dispatcher, fork-join-executor { parallelism-min = 4, parallelism-max = 2 }", "fork-join-executor.parallelism-max")]
    [InlineData("type = Dispatcher, fork-join-executor.parallelism-factor = 0", "fork-join-executor.parallelism-factor")]
    [InlineData("type = Dispatcher, throughput = 0", "throughput")]
    public void Invalid_dispatcher_settings_are_clear_errors(string section, string key)
    {
        var e = Assert.Throws<ConfigException>(() => ActorSystemSettingsReader.Read(ConfigFactory.ParseString("dhcp-cluster.actor.packets { " + section + " }")));
        Assert.Contains("dhcp-cluster.actor.packets." + key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actors_of_a_fork_join_dispatcher_run_on_its_threads()
    {
        var dispatcher = Sys.Dispatchers.Lookup(Id);
        Assert.Equal(2, dispatcher.Threads);
        Assert.Equal(5, dispatcher.Throughput);
        var onIt = ActorOf(Props.Create<ThreadReporter>().WithDispatcher(Id));
        var onDefault = ActorOf(Props.Create<ThreadReporter>());
        onIt.Tell("where", TestActor);
        Assert.StartsWith(Id + "-", ExpectMsg<string>(), StringComparison.Ordinal);
        onDefault.Tell("where", TestActor);
        Assert.DoesNotContain(Id, ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tell_between_two_actors_of_the_dispatcher_stays_on_the_running_thread()
    {
        var threads = new List<int>();
        var a = ActorOf(Props.Create(() => new Bouncer(TestActor, threads)).WithDispatcher(Id));
        var b = ActorOf(Props.Create(() => new Bouncer(TestActor, threads)).WithDispatcher(Id));
        const int Bounces = 2000;
        a.Tell((b, Bounces), b);
        ExpectMsg("done", TimeSpan.FromSeconds(20));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // no "overlap"
        lock (threads)
        {
            Assert.Equal(Bounces + 1, threads.Count);
            var switches = threads.Zip(threads.Skip(1)).Count(p => p.First != p.Second);

            // The chain never waits for another thread: at most a steal at its start.
            Assert.True(switches <= 2, $"{switches} thread switches in {Bounces} bounces");
        }
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef next, IActorRef probe) =>
            ReceiveAny(m =>
            {
                probe.Tell(Thread.CurrentThread.Name ?? "(unnamed)");
                next.Tell(m, Sender);
            });
    }

    [Fact]
    public void A_helping_thread_runs_the_turns_it_causes_itself()
    {
        var last = ActorOf(Props.Create<ThreadReporter>().WithDispatcher(Id));
        var first = ActorOf(Props.Create(() => new Relay(last, TestActor)).WithDispatcher(Id));
        var helper = Sys.Dispatchers.Lookup(Id).CreateHelper();
        string[]? seen = null;
        var thread = new Thread(() =>
        {
            helper.Begin();
            first.Tell("go", TestActor);
            helper.RunPending();
        })
        { Name = "helping-thread" };
        thread.Start();
        thread.Join();
        seen = [ExpectMsg<string>(), ExpectMsg<string>()];

        // Both turns (the relay's and the one it caused) ran on the helping thread, before RunPending returned.
        Assert.Equal(["helping-thread", "helping-thread"], seen);

        // Afterwards the thread schedules as usual: the executor's threads run the turns.
        first.Tell("again", TestActor);
        Assert.StartsWith(Id + "-", ExpectMsg<string>(), StringComparison.Ordinal);
        Assert.StartsWith(Id + "-", ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_helper_of_a_thread_pool_dispatcher_changes_nothing()
    {
        var reporter = ActorOf(Props.Create<ThreadReporter>());
        var helper = Sys.Dispatchers.Default.CreateHelper();
        helper.Begin();
        reporter.Tell("where", TestActor);
        helper.RunPending();
        Assert.DoesNotContain(Id, ExpectMsg<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_senders_and_chains_lose_no_message_and_never_run_a_mailbox_twice()
    {
        const int Counters = 8;
        const int SendersCount = 4;
        const int PerSender = 5_000;
        var counters = Enumerable.Range(0, Counters).Select(_ => ActorOf(Props.Create(() => new Counter(TestActor)).WithDispatcher(Id))).ToArray();
        var bouncers = Enumerable.Range(0, 4).Select(_ => ActorOf(Props.Create(() => new Bouncer(TestActor, null)).WithDispatcher(Id))).ToArray();
        bouncers[0].Tell((bouncers[1], 5_000), bouncers[1]);
        bouncers[2].Tell((bouncers[3], 5_000), bouncers[3]);
        var senders = Enumerable.Range(0, SendersCount).Select(s => new Thread(() =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                counters[(i + s) % Counters].Tell(i, ActorRefs.NoSender);
                if (i % 500 == 0)
                {
                    Thread.Sleep(1); // let the threads go idle now and then: wake-ups are what is tested
                }
            }
        })).ToList();
        senders.ForEach(t => t.Start());
        senders.ForEach(t => t.Join());
        ExpectMsg("done", TimeSpan.FromSeconds(20));
        ExpectMsg("done", TimeSpan.FromSeconds(20));
        var total = 0;
        foreach (var counter in counters)
        {
            counter.Tell("count", TestActor);
            total += ExpectMsg<int>(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(SendersCount * PerSender, total);
    }

    [Fact]
    public void A_message_after_the_threads_went_idle_is_always_handled()
    {
        var reporter = ActorOf(Props.Create<ThreadReporter>().WithDispatcher(Id));
        var random = new Random(8);
        for (var i = 0; i < 300; i++)
        {
            reporter.Tell(i, TestActor);
            ExpectMsg<string>(TimeSpan.FromSeconds(5));
            if (random.Next(4) == 0)
            {
                Thread.Sleep(random.Next(3));
            }
        }
    }

    [Fact]
    public void Idle_threads_use_no_cpu()
    {
        var reporter = ActorOf(Props.Create<ThreadReporter>().WithDispatcher(Id));
        for (var i = 0; i < 100; i++)
        {
            reporter.Tell(i, TestActor);
        }

        ReceiveN(100, TimeSpan.FromSeconds(10));
        Thread.Sleep(200);
        var before = DispatcherThreadTicks();
        Assert.Equal(2, before.Count);
        Thread.Sleep(1000);
        var after = DispatcherThreadTicks();
        var used = after.Sum(t => t.Value - before.GetValueOrDefault(t.Key));

        // Clock ticks are 10 ms: a thread that spun would use about 100 in this second.
        Assert.True(used <= 1, $"dispatcher threads used {used} ticks while idle");
    }

    [Fact]
    public async Task Terminating_the_system_stops_the_threads()
    {
        var system = ActorSystem.Create("dispatcher-stop", ConfigFactory.ParseString("""
            dhcp-cluster.actor.fj-stop { type = Dispatcher, executor = fork-join-executor, fork-join-executor { parallelism-min = 2, parallelism-max = 2 } }
            """));
        var reporter = system.ActorOf(Props.Create<ThreadReporter>().WithDispatcher("fj-stop"));
        Assert.StartsWith("fj-stop-", await reporter.Ask<string>("where", TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
        Assert.Equal(2, ThreadTicks("fj-stop-").Count);
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        AwaitCondition(() => ThreadTicks("fj-stop-").Count == 0, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));
    }

    private static Dictionary<int, long> DispatcherThreadTicks() => ThreadTicks(Id + "-");

    /// <summary>CPU clock ticks (user + system) of this process's threads whose name starts with <paramref name="prefix"/>, by thread id.</summary>
    private static Dictionary<int, long> ThreadTicks(string prefix)
    {
        var result = new Dictionary<int, long>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                result[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] =
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return result;
    }
}
