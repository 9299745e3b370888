namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// The cluster's tasks in coordinated shutdown (Akka's <c>cluster-leave</c> and <c>cluster-exiting</c> phases): a
/// member stopped by SIGTERM, Ctrl-C or <see cref="CoordinatedShutdown.Run"/> leaves the cluster gracefully before
/// its actor system stops (it becomes Leaving, so its singletons hand over; the leader moves it to Exiting and removes
/// it, and the node stops once its Exiting status has spread), instead of vanishing, being found unreachable and
/// downed. Sharding hands its shards off in the phase before.
/// Skipped when this member is not Joining, WeaklyUp or Up (already leaving, downed, or it never joined), and when
/// <see cref="ActorSystem.Terminate"/> started the shutdown, which stops at once (as sharding's hand-off does; a
/// downed member's self-shutdown is that case).
/// </summary>
internal static class LeaveOnShutdown
{
    public static void Register(Cluster cluster)
    {
        var shutdown = CoordinatedShutdown.Get(cluster.System);
        var left = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        shutdown.TryAddTask(CoordinatedShutdown.PhaseClusterLeave, "leave", async () =>
        {
            var self = cluster.SelfMember;
            if (shutdown.ShutdownReason is CoordinatedShutdown.ActorSystemTerminateReason || self is null || !IsActive(self))
            {
                left.TrySetResult(false);
                return Done.Instance;
            }

            cluster.Leave(cluster.SelfAddress);
            left.TrySetResult(true);
            await WaitAsync(cluster.WhenSelf(m => m is null || !IsActive(m)), shutdown.Timeout(CoordinatedShutdown.PhaseClusterLeave)).ConfigureAwait(false);
            return Done.Instance;
        });
        shutdown.TryAddTask(CoordinatedShutdown.PhaseClusterExiting, "wait-exiting", async () =>
        {
            if (left.Task.IsCompletedSuccessfully && left.Task.Result)
            {
                // Exiting is not the end: the node stays until its Exiting status has spread (the daemon's grace after
                // Exiting, then its self-shutdown), or the others would find it unreachable before they saw it exit.
                await WaitAsync(cluster.WhenShutDown, shutdown.Timeout(CoordinatedShutdown.PhaseClusterExiting)).ConfigureAwait(false);
            }

            return Done.Instance;
        });
    }

    private static bool IsActive(Member member) => member.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up;

    /// <summary>Waits for the member to get there, at most the phase's timeout (the phase then logs that it timed out).</summary>
    private static async Task WaitAsync(Task reached, TimeSpan timeout)
    {
        await Task.WhenAny(reached, Task.Delay(timeout)).ConfigureAwait(false);
    }
}
