using System.Collections.Concurrent;
using System.Globalization;

namespace DhcpCluster.Actors;

/// <summary>
/// Registry of temporary references (ask refs) under <c>/temp</c>. A temporary ref registers only when
/// its path is first needed (e.g. a transport sends it as a sender) and unregisters when it completes,
/// so local asks never touch it and nothing leaks.
/// </summary>
internal sealed class TempContainer
{
    private readonly ConcurrentDictionary<string, InternalActorRef> _refs = new(StringComparer.Ordinal);
    private long _counter;

    public TempContainer(ActorPath path) => Path = path;

    public ActorPath Path { get; }

    public int Count => _refs.Count;

    public ActorPath Register(InternalActorRef temp)
    {
        var name = "$" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        _refs[name] = temp;
        return Path.Child(name);
    }

    public void Unregister(string name) => _refs.TryRemove(name, out _);

    public IActorRef? Find(string name) => _refs.TryGetValue(name, out var r) ? r : null;
}
