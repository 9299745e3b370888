namespace DhcpCluster.Actors;

/// <summary>
/// The clock that stamps every message with the time it was created (<see cref="IActorContext.CurrentMessageCreatedUtc"/>,
/// and the creation time carried by remote envelopes), so layers above can refuse stale work. It is wall-clock UTC to
/// within a few milliseconds: the coarse monotonic tick count (no system call, a few nanoseconds) added to an anchor
/// taken from the system clock, re-taken every second so the clock follows adjustments of the system time. A Tell pays
/// for one tick-count read, not for a precise clock read.
/// </summary>
public static class MessageClock
{
    private const long ResynchronizeAfterMilliseconds = 1000;
    private static Anchor s_anchor = Anchor.Now();

    /// <summary>Now, in UTC ticks.</summary>
    public static long UtcNowTicks
    {
        get
        {
            var anchor = Volatile.Read(ref s_anchor);
            var elapsed = Environment.TickCount64 - anchor.TickCount;
            if (elapsed is >= 0 and < ResynchronizeAfterMilliseconds)
            {
                return anchor.UtcTicks + (elapsed * TimeSpan.TicksPerMillisecond);
            }

            anchor = Anchor.Now();
            Volatile.Write(ref s_anchor, anchor);
            return anchor.UtcTicks;
        }
    }

    /// <summary>Now, in UTC.</summary>
    public static DateTime UtcNow => new(UtcNowTicks, DateTimeKind.Utc);

    private sealed record Anchor(long UtcTicks, long TickCount)
    {
        public static Anchor Now() => new(DateTime.UtcNow.Ticks, Environment.TickCount64);
    }
}
