namespace DhcpCluster.Actors;

/// <summary>The dispatchers of a system by id.</summary>
public sealed class Dispatchers
{
    private readonly Dictionary<string, Dispatcher> _byId = new(StringComparer.Ordinal);

    internal Dispatchers(ActorSystemSettings settings)
    {
        _byId[Props.DefaultDispatcherId] = new Dispatcher(
            new DispatcherSettings(Props.DefaultDispatcherId, settings.Throughput, settings.DefaultDispatcherExecutor, settings.DefaultDispatcherParallelism));
        foreach (var (id, dispatcher) in settings.Dispatchers)
        {
            _byId[id] = new Dispatcher(dispatcher);
        }
    }

    /// <summary>The default dispatcher.</summary>
    public Dispatcher Default => _byId[Props.DefaultDispatcherId];

    /// <summary>Looks up a dispatcher.</summary>
    /// <exception cref="ArgumentException">When none has that id.</exception>
    public Dispatcher Lookup(string id) => _byId.TryGetValue(id, out var d) ? d : throw new ArgumentException($"No dispatcher with id '{id}' is configured.", nameof(id));

    /// <summary>Stops every dedicated executor (the system terminated).</summary>
    internal void Shutdown()
    {
        foreach (var dispatcher in _byId.Values)
        {
            dispatcher.Shutdown();
        }
    }
}
