using System.Globalization;

namespace DhcpCluster.Actors;

/// <summary>Children: creation with unique names, lookup, stopping.</summary>
internal sealed partial class ActorCell
{
    private const string Base64Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    private ChildrenContainer ChildrenOrCreate
    {
        get
        {
            var c = Volatile.Read(ref _children);
            if (c is not null)
            {
                return c;
            }

            Interlocked.CompareExchange(ref _children, new ChildrenContainer(), null);
            return _children!;
        }
    }

    internal LocalActorRef ActorOfInternal(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        var container = ChildrenOrCreate;
        (var stats, name) = ReserveChildName(container, name);

        LocalActorRef child;
        try
        {
            var uid = NewUid();
            var cell = new ActorCell(_system, _self.Path.Child(name, uid), props, _self);
            child = cell.SelfRef;
        }
        catch
        {
            lock (container)
            {
                container.ByName.Remove(name);
            }

            throw;
        }

        // Another thread (a top-level actor's creator) may have registered this child while this cell began to
        // terminate: StopAllChildren skipped it then (it had no reference yet), so it is stopped here, or the
        // parent would wait for its termination for ever.
        bool parentTerminating;
        lock (container)
        {
            stats.Child = child;
            parentTerminating = _terminating;
            if (parentTerminating)
            {
                container.MarkStopping(stats);
            }
        }

        child.Cell.Start();
        if (parentTerminating)
        {
            child.Stop();
        }

        return child;
    }

    /// <summary>Registers a child name (generated when null) before the child exists; refused while this cell terminates.</summary>
    private (ChildRestartStats Stats, string Name) ReserveChildName(ChildrenContainer container, string? name)
    {
        lock (container)
        {
            if (_terminating || _terminated)
            {
                throw new InvalidOperationException($"Cannot create a child of {_self.Path}: it is terminating or terminated.");
            }

            if (name is null)
            {
                name = RandomName(++container.NameCounter);
            }
            else
            {
                ActorPath.ValidateElement(name);
                if (name[0] == '$')
                {
                    throw new InvalidActorNameException($"Actor name [{name}] must not start with '$' (reserved for generated names).");
                }
            }

            if (container.ByName.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique under {_self.Path}.");
            }

            var stats = new ChildRestartStats();
            container.ByName.Add(name, stats);
            return (stats, name);
        }
    }

    private static int NewUid()
    {
        int uid;
        do
        {
            uid = Random.Shared.Next();
        }
        while (uid == 0);
        return uid;
    }

    private static string RandomName(long n)
    {
        Span<char> buffer = stackalloc char[12];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Base64Chars[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }

    internal LocalActorRef? TryGetChild(string name)
    {
        var container = Volatile.Read(ref _children);
        if (container is null)
        {
            return null;
        }

        lock (container)
        {
            return container.ByName.TryGetValue(name, out var stats) && !stats.Stopping ? stats.Child : null;
        }
    }

    private IReadOnlyCollection<IActorRef> ChildrenSnapshot()
    {
        var container = Volatile.Read(ref _children);
        if (container is null)
        {
            return [];
        }

        lock (container)
        {
            var list = new List<IActorRef>(container.ByName.Count);
            foreach (var stats in container.ByName.Values)
            {
                if (stats.Child is not null && !stats.Stopping)
                {
                    list.Add(stats.Child);
                }
            }

            return list;
        }
    }

    private List<ChildRestartStats> ChildStatsSnapshot()
    {
        var container = Volatile.Read(ref _children);
        if (container is null)
        {
            return [];
        }

        lock (container)
        {
            var list = new List<ChildRestartStats>(container.ByName.Count);
            foreach (var stats in container.ByName.Values)
            {
                if (stats.Child is not null)
                {
                    list.Add(stats);
                }
            }

            return list;
        }
    }

    private ChildRestartStats? FindChildStats(IActorRef child)
    {
        var container = Volatile.Read(ref _children);
        if (container is null)
        {
            return null;
        }

        lock (container)
        {
            return container.ByName.TryGetValue(child.Path.Name, out var stats) && stats.Child is not null && stats.Child.Equals(child) ? stats : null;
        }
    }

    /// <summary>Number of children, including those stopping (for leak checks).</summary>
    internal int ChildCount
    {
        get
        {
            var container = Volatile.Read(ref _children);
            if (container is null)
            {
                return 0;
            }

            lock (container)
            {
                return container.ByName.Count;
            }
        }
    }

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Equals(_self))
        {
            PostSystem(new Terminate());
            return;
        }

        var stats = FindChildStats(child);
        if (stats is not null)
        {
            lock (_children!)
            {
                _children.MarkStopping(stats);
            }
        }

        (child as InternalActorRef)?.Stop();
    }

    private void StopAllChildren()
    {
        foreach (var stats in ChildStatsSnapshot())
        {
            lock (_children!)
            {
                _children.MarkStopping(stats);
            }

            stats.Child!.Stop();
        }
    }

    private void HandleChildTerminated(IActorRef child)
    {
        var container = Volatile.Read(ref _children);
        var remaining = 0;
        var stopping = 0;
        if (container is not null)
        {
            lock (container)
            {
                if (container.ByName.TryGetValue(child.Path.Name, out var stats) && stats.Child is not null && stats.Child.Equals(child))
                {
                    container.ByName.Remove(child.Path.Name);
                    SparseCapacity.ShrinkIfSparse(container.ByName);
                    if (stats.Stopping)
                    {
                        container.StoppingCount--;
                    }
                }

                remaining = container.ByName.Count;
                stopping = container.StoppingCount;
            }
        }

        if (_terminating)
        {
            if (remaining == 0)
            {
                FinishTerminate();
            }

            return;
        }

        if (_extras?.PendingRecreateCause is { } cause && stopping == 0)
        {
            _extras.PendingRecreateCause = null;
            FinishRecreate(cause);
        }
    }

    private bool HasStoppingChildren()
    {
        var container = Volatile.Read(ref _children);
        if (container is null)
        {
            return false;
        }

        lock (container)
        {
            return container.StoppingCount > 0;
        }
    }

    internal static string FormatUid(int uid) => uid.ToString(CultureInfo.InvariantCulture);
}
