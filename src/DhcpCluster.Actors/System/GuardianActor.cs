using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>The root, user and system guardians: supervise their children; the root stops itself when /user stops.</summary>
internal sealed class GuardianActor : ActorBase
{
    private readonly SupervisorStrategy _strategy;
    private readonly bool _isRoot;

    public GuardianActor(SupervisorStrategy strategy, bool isRoot)
    {
        _strategy = strategy;
        _isRoot = isRoot;
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    protected override void PreStart()
    {
        if (_isRoot)
        {
            Context.Watch(Context.Child("user"));
        }
    }

    protected override bool Receive(object message)
    {
        if (_isRoot && message is Terminated)
        {
            Context.Stop(Self);
        }

        return true;
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // Guardians keep their children across restarts.
    }
}
