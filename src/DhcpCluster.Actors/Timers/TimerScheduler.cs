namespace DhcpCluster.Actors;

/// <summary>
/// The timers of one actor. Only the actor's own thread touches the table; .NET timer callbacks only
/// tell the actor a <see cref="TimerMessage"/> stamped with the timer's generation, and the actor
/// drops it unless that generation is still the active one for the key.
/// </summary>
internal sealed class TimerScheduler : ITimerScheduler
{
    private readonly ActorCell _cell;
    private readonly Dictionary<object, ActiveTimer> _timers = [];
    private int _generation;

    public TimerScheduler(ActorCell cell) => _cell = cell;

    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, null);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    private void Start(object key, object message, TimeSpan delay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (interval is { } i && i <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), i, "A periodic timer's interval must be positive.");
        }

        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        Cancel(key);
        var generation = ++_generation;
        var timerMessage = new TimerMessage(key, generation, message, interval is not null);
        var active = new ActiveTimer(_cell.SelfRef, timerMessage);
        _timers[key] = active;
        active.Arm(delay, interval);
    }

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _timers.ContainsKey(key);
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var active))
        {
            active.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var active in _timers.Values)
        {
            active.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True when the message belongs to the active timer of its key (single timers are then removed).</summary>
    public bool Accept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var active) || active.Message.Generation != message.Generation)
        {
            return false;
        }

        if (!message.Repeating)
        {
            _timers.Remove(message.Key);
            active.Dispose();
        }

        return true;
    }

    private sealed class ActiveTimer : IDisposable
    {
        private readonly LocalActorRef _self;
        private Timer? _timer;

        public ActiveTimer(LocalActorRef self, TimerMessage message)
        {
            _self = self;
            Message = message;
        }

        public TimerMessage Message { get; }

        public void Arm(TimeSpan delay, TimeSpan? interval) =>
            _timer = new Timer(static s => ((ActiveTimer)s!).Fire(), this, delay, interval ?? Timeout.InfiniteTimeSpan);

        private void Fire() => _self.Tell(Message, null);

        public void Dispose() => _timer?.Dispose();
    }
}
