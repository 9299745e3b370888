namespace DhcpCluster.Actors;

/// <summary>
/// A timeout an actor owns and re-arms through <see cref="IScheduler.Arm"/> without allocating: one object for the
/// life of the actor, where a timer per actor cost a .NET timer, its holder (with a finalizer) and a queue entry, and a
/// timer per arming allocated them all again. It expires at most once per arming, on the scheduler's wheel thread, no
/// earlier than the delay it was armed with (up to one tick later); <see cref="Expired"/> should only tell a message.
/// </summary>
public abstract class Deadline
{
    /// <summary>Neighbours in the wheel bucket while armed (guarded by the wheel's lock).</summary>
    internal Deadline? Next { get; set; }

    internal Deadline? Previous { get; set; }

    /// <summary>The wheel bucket holding this deadline while armed, else -1 (written under the wheel's lock).</summary>
    internal int Bucket
    {
        get => _bucket;
        set => Volatile.Write(ref _bucket, value);
    }

    /// <summary>The wheel tick at which it is due.</summary>
    internal long DueTick { get; set; }

    /// <summary>What the owner passed with the arming that expired.</summary>
    internal long Token { get; set; }

    /// <summary>Whether it is armed and has not expired yet (a snapshot: the wheel may expire it at any moment).</summary>
    public bool IsArmed => Volatile.Read(ref _bucket) >= 0;

    private int _bucket = -1;

    /// <summary>Called once per arming that was neither disarmed nor re-armed before it was due, with that arming's token.</summary>
    /// <param name="token">The token given to <see cref="IScheduler.Arm"/> (e.g. an attempt number, to tell a stale expiry from a current one).</param>
    protected abstract void Expired(long token);

    /// <summary>Called by the wheel, outside its lock.</summary>
    internal void Expire(long token) => Expired(token);
}
