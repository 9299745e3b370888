namespace DhcpCluster.Actors.Persistence.Health;

/// <summary>
/// Tracks the database connection and runs Kea-style reconnects (<see cref="ReconnectSettings"/>), publishing
/// each change as a <see cref="DatabaseHealth"/>. The application subscribes and acts: stop answering clients
/// when <see cref="DatabaseHealth.ServeClients"/> is false, exit when <see cref="DatabaseHealth.ShouldExit"/>.
/// </summary>
public sealed class DatabaseHealthMonitor : IObservable<DatabaseHealth>
{
    private readonly ReconnectSettings _settings;
    private readonly Func<CancellationToken, Task> _probe;
    private readonly CancellationToken _stopping;
    private readonly Lock _gate = new();
    private IObserver<DatabaseHealth>[] _observers = [];
    private DatabaseHealth _current;
    private bool _loopRunning;

    internal DatabaseHealthMonitor(ReconnectSettings settings, Func<CancellationToken, Task> probe, CancellationToken stopping)
    {
        _settings = settings;
        _probe = probe;
        _stopping = stopping;
        _current = new DatabaseHealth(DatabaseStatus.Starting, ServeClients: false, ShouldExit: false, 0, settings.MaxReconnectTries, LastError: null);
    }

    /// <summary>The latest state.</summary>
    public DatabaseHealth Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The reconnect settings in force.</summary>
    public ReconnectSettings Settings => _settings;

    /// <summary>Whether a write may be tried now: connected, or lost-but-serving (the write itself probes the database).</summary>
    internal bool WritesMayBeTried
    {
        get
        {
            var status = Current.Status;
            return status is DatabaseStatus.Connected or DatabaseStatus.LostServing;
        }
    }

    /// <summary>Subscribes; the observer receives the current state at once, then every change.</summary>
    public IDisposable Subscribe(IObserver<DatabaseHealth> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        DatabaseHealth current;
        lock (_gate)
        {
            _observers = [.. _observers, observer];
            current = _current;
        }

        observer.OnNext(current);
        return new Subscription(this, observer);
    }

    /// <summary>Waits until the state satisfies <paramref name="predicate"/>.</summary>
    public async Task<DatabaseHealth> WaitForAsync(Func<DatabaseHealth, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var tcs = new TaskCompletionSource<DatabaseHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Subscribe(new PredicateObserver(predicate, tcs));
        await using var registration = cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken)).ConfigureAwait(false);
        return await tcs.Task.ConfigureAwait(false);
    }

    internal void ReportConnected()
    {
        Publish(new DatabaseHealth(DatabaseStatus.Connected, ServeClients: true, ShouldExit: false, 0, _settings.MaxReconnectTries, LastError: null));
    }

    internal void ReportStopped()
    {
        Publish(_current with { Status = DatabaseStatus.Stopped, ServeClients = false });
    }

    /// <summary>Reports a refusal that retrying cannot fix (for example an old schema): the application should exit.</summary>
    internal void ReportFatal(string error)
    {
        Publish(new DatabaseHealth(DatabaseStatus.Failed, ServeClients: false, ShouldExit: true, 0, _settings.MaxReconnectTries, error));
    }

    /// <summary>
    /// Reports a database error seen by a write or at start. The database is probed once at once (a statement
    /// error on a healthy connection changes nothing); if it is unreachable, the reconnect loop starts.
    /// </summary>
    internal void ReportFailure(Exception error)
    {
        lock (_gate)
        {
            if (_loopRunning || _current.Status is DatabaseStatus.Stopped or DatabaseStatus.Failed)
            {
                return;
            }

            _loopRunning = true;
        }

        _ = Task.Run(() => ReconnectLoopAsync(error.Message), CancellationToken.None);
    }

    private async Task ReconnectLoopAsync(string error)
    {
        try
        {
            var wasConnected = Current.Status == DatabaseStatus.Connected;
            if (wasConnected && await TryProbeAsync().ConfigureAwait(false))
            {
                return;
            }

            var serving = _settings.OnFail != OnFailAction.StopRetryExit;
            for (var attempt = 1; attempt <= _settings.MaxReconnectTries; attempt++)
            {
                Publish(new DatabaseHealth(DatabaseStatus.Reconnecting, serving, ShouldExit: false, attempt, _settings.MaxReconnectTries, error));
                if (_settings.ReconnectWaitTime > TimeSpan.Zero)
                {
                    await Task.Delay(_settings.ReconnectWaitTime, _stopping).ConfigureAwait(false);
                }

                if (await TryProbeAsync().ConfigureAwait(false))
                {
                    ReportConnected();
                    return;
                }
            }

            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            Publish(_settings.OnFail == OnFailAction.ServeRetryContinue
                ? new DatabaseHealth(DatabaseStatus.LostServing, ServeClients: true, ShouldExit: false, _settings.MaxReconnectTries, _settings.MaxReconnectTries, error)
                : new DatabaseHealth(DatabaseStatus.Failed, ServeClients: false, ShouldExit: true, _settings.MaxReconnectTries, _settings.MaxReconnectTries, error));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // the store is being disposed
        }
        finally
        {
            lock (_gate)
            {
                _loopRunning = false;
            }
        }
    }

    private async Task<bool> TryProbeAsync()
    {
        try
        {
            await _probe(_stopping).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Publish(DatabaseHealth health)
    {
        IObserver<DatabaseHealth>[] observers;
        lock (_gate)
        {
            if (_current == health || (_current.Status == DatabaseStatus.Stopped && health.Status != DatabaseStatus.Stopped))
            {
                return;
            }

            _current = health;
            observers = _observers;
        }

        foreach (var observer in observers)
        {
            observer.OnNext(health);
        }
    }

    private void Unsubscribe(IObserver<DatabaseHealth> observer)
    {
        lock (_gate)
        {
            _observers = Array.FindAll(_observers, o => !ReferenceEquals(o, observer));
        }
    }

    private sealed class Subscription(DatabaseHealthMonitor owner, IObserver<DatabaseHealth> observer) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(observer);
    }

    private sealed class PredicateObserver(Func<DatabaseHealth, bool> predicate, TaskCompletionSource<DatabaseHealth> tcs) : IObserver<DatabaseHealth>
    {
        public void OnCompleted()
        {
            // the monitor never completes
        }

        public void OnError(Exception error) => tcs.TrySetException(error);

        public void OnNext(DatabaseHealth value)
        {
            if (predicate(value))
            {
                tcs.TrySetResult(value);
            }
        }
    }
}
