namespace DhcpCluster.Actors;

/// <summary>How to create an actor: its factory, dispatcher, mailbox and optional supervisor strategy.</summary>
public sealed class Props
{
    /// <summary>Id of the default dispatcher.</summary>
    public const string DefaultDispatcherId = "default-dispatcher";

    /// <summary>Id of the default (unbounded) mailbox.</summary>
    public const string DefaultMailboxId = "default-mailbox";

    private readonly Func<ActorBase> _factory;

    private Props(Type type, Func<ActorBase> factory, string dispatcher, string mailbox, SupervisorStrategy? supervisorStrategy)
    {
        Type = type;
        _factory = factory;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The actor type.</summary>
    public Type Type { get; }

    /// <summary>The dispatcher id.</summary>
    public string Dispatcher { get; }

    /// <summary>The mailbox id.</summary>
    public string Mailbox { get; }

    /// <summary>A strategy overriding the actor's own <c>SupervisorStrategy()</c>, or null.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new()
        => new(typeof(TActor), static () => new TActor(), DefaultDispatcherId, DefaultMailboxId, null);

    /// <summary>Props with a factory, e.g. <c>Props.Create(() =&gt; new Counter(10))</c>; it runs once per incarnation.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(TActor), factory, DefaultDispatcherId, DefaultMailboxId, null);
    }

    /// <summary>Props for a type and constructor arguments (reflection; prefer the factory overload).</summary>
    public static Props Create(Type type, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ActorBase).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type} is not a concrete actor type (it must derive from ActorBase).", nameof(type));
        }

        return new(type, () => (ActorBase)Activator.CreateInstance(type, args)!, DefaultDispatcherId, DefaultMailboxId, null);
    }

    /// <summary>Same props on another dispatcher.</summary>
    public Props WithDispatcher(string dispatcher) => new(Type, _factory, dispatcher, Mailbox, SupervisorStrategy);

    /// <summary>Same props with another mailbox (e.g. "bounded-mailbox").</summary>
    public Props WithMailbox(string mailbox) => new(Type, _factory, Dispatcher, mailbox, SupervisorStrategy);

    /// <summary>Same props with a supervisor strategy for the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(Type, _factory, Dispatcher, Mailbox, strategy);

    internal ActorBase NewActor() => _factory();

    /// <inheritdoc/>
    public override string ToString() => $"Props({Type.Name}, dispatcher={Dispatcher}, mailbox={Mailbox})";
}
