using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>Failure, supervision, restart and termination.</summary>
internal sealed partial class ActorCell
{
    /// <summary>The actor failed: suspend it and its children and ask the parent what to do.</summary>
    internal void HandleInvokeFailure(Exception cause)
    {
        if (_terminating || _terminated)
        {
            Logger.LogError(cause, "Exception while terminating {Path}: {Message}", _self.Path, cause.Message);
            return;
        }

        if (_failed)
        {
            Logger.LogError(cause, "Exception while already failed, ignored: {Message}", cause.Message);
            return;
        }

        _failed = true;
        CancelAwaiting();
        Extras.FailedMessage = _currentMessage;
        RecomputeBlocked();
        foreach (var stats in ChildStatsSnapshot())
        {
            stats.Child!.SendSystemMessage(new Suspend());
        }

        _parent.SendSystemMessage(new Failed(_self, cause, _self.Path.Uid));
    }

    private void HandleChildFailure(Failed failed)
    {
        var stats = FindChildStats(failed.Child);
        if (stats is null || stats.Child!.Path.Uid != failed.Uid || stats.Stopping)
        {
            return;
        }

        var strategy = _actor?.SupervisorStrategyInternal ?? _system.GuardianStrategy;
        var directive = strategy.Decide(failed.Cause);
        if (strategy.LoggingEnabled && directive != Directive.Escalate)
        {
            var childLogger = _system.CreateActorLogger(stats.Child.Cell.Props.Type, stats.Child.Path);
            if (directive == Directive.Resume)
            {
                childLogger.LogWarning(failed.Cause, "{Message}", failed.Cause.Message);
            }
            else
            {
                childLogger.LogError(failed.Cause, "{Message}", failed.Cause.Message);
            }
        }

        switch (directive)
        {
            case Directive.Resume:
                stats.Child.SendSystemMessage(new Resume(failed.Cause));
                break;
            case Directive.Restart:
                strategy.ProcessRestart(this, stats, ChildStatsSnapshot(), failed.Cause);
                break;
            case Directive.Stop:
                strategy.ProcessStop(this, stats, ChildStatsSnapshot());
                break;
            default:
                HandleInvokeFailure(failed.Cause);
                break;
        }
    }

    /// <summary>Restarts a child (used by the strategies).</summary>
    internal static void RestartChild(ChildRestartStats stats, Exception cause) => stats.Child!.SendSystemMessage(new Recreate(cause));

    /// <summary>Stops a child (used by the strategies).</summary>
    internal void StopChild(ChildRestartStats stats) => Stop(stats.Child!);

    private void HandleResume(Resume resume)
    {
        if (resume.CausedByFailure is not null)
        {
            if (!_failed)
            {
                return;
            }

            _failed = false;
            if (_extras is not null)
            {
                _extras.FailedMessage = null;
            }
        }
        else
        {
            _suspendedBySupervisor = false;
        }

        RecomputeBlocked();
        foreach (var stats in ChildStatsSnapshot())
        {
            stats.Child!.SendSystemMessage(new Resume(null));
        }
    }

    private void HandleSuspend()
    {
        _suspendedBySupervisor = true;
        RecomputeBlocked();
        foreach (var stats in ChildStatsSnapshot())
        {
            stats.Child!.SendSystemMessage(new Suspend());
        }
    }

    private void HandleRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        CancelAwaiting();

        // Holds belong to the failed incarnation (e.g. a journal write in flight): the new one starts free.
        _holdCount = 0;
        var failedActor = _actor;
        if (failedActor is null)
        {
            // The actor failed in its constructor: create it anew.
            _failed = false;
            _suspendedBySupervisor = false;
            CreateActor(recreateCause: null);
            return;
        }

        var failedMessage = _extras?.FailedMessage;
        try
        {
            // Stashed messages survive a restart: back to the front of the mailbox (Akka's behaviour).
            UnstashAllInternal();
            failedActor.AroundPreRestart(cause, failedMessage);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "PreRestart of {Path} threw while restarting because of {Cause}: {Message}", _self.Path, cause.Message, e.Message);
        }
        finally
        {
            ClearActorState();
            _actor = null;
            failedActor.Detach();
            RecomputeBlocked();
        }

        if (HasStoppingChildren())
        {
            Extras.PendingRecreateCause = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _failed = false;
        _suspendedBySupervisor = false;
        if (_extras is not null)
        {
            _extras.FailedMessage = null;
        }

        var survivors = ChildStatsSnapshot();
        CreateActor(cause);
        if (_actor is not null && !_failed)
        {
            foreach (var stats in survivors)
            {
                if (!stats.Stopping)
                {
                    stats.Child!.SendSystemMessage(new Recreate(cause));
                }
            }
        }
    }

    private void ClearActorState()
    {
        _behavior = null;
        var extras = _extras;
        if (extras is null)
        {
            return;
        }

        extras.BehaviorStack?.Clear();
        if (_actor is IWithTimers { Timers: TimerScheduler timers })
        {
            timers.CancelAll();
        }
    }

    private void BeginTerminate()
    {
        if (_terminating || _terminated)
        {
            return;
        }

        _terminating = true;
        CancelAwaiting();
        RecomputeBlocked();
        if (ChildCount == 0)
        {
            FinishTerminate();
        }
        else
        {
            StopAllChildren();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                actor.AroundPostStop();
            }
        }
        catch (Exception e)
        {
            Logger.LogError(e, "PostStop of {Path} threw: {Message}", _self.Path, e.Message);
        }
        finally
        {
            if (actor is IWithTimers { Timers: TimerScheduler timers })
            {
                timers.CancelAll();
            }

            if (_receiveTimeout is { } receiveTimeout)
            {
                receiveTimeout.Timeout = null;
                if (receiveTimeout.IsArmed)
                {
                    _system.Scheduler.Disarm(receiveTimeout);
                }

                _receiveTimeout = null;
            }

            _actor = null;
            _behavior = null;
            actor?.Detach();
            _terminated = true;
            Interlocked.Or(ref _status, ClosedBit);
            DeadLetterLeftovers(_extras?.Stash);
            TellWatchersAndUnwatch();
            _extras = null;
            _parent.SendSystemMessage(new ChildTerminated(_self));
        }
    }

    /// <summary>
    /// Stashed and queued messages go to dead letters (through the redirects of ancestors). A redirect or log provider
    /// that throws is logged: it must not end the termination half-way, or the watchers would never get Terminated
    /// and the parent would wait for its child for ever.
    /// </summary>
    private void DeadLetterLeftovers(LinkedList<Envelope>? stash)
    {
        try
        {
            if (stash is not null)
            {
                foreach (var envelope in stash)
                {
                    _system.DeadLetterFromMailbox(envelope.Message!, envelope.Sender, _self, "stashed when the actor stopped");
                }

                stash.Clear();
            }

            DrainAfterTermination();
        }
        catch (Exception e)
        {
            _system.LogRuntimeFault(e, _self);
        }
    }
}
