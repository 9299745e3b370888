using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Snapshots;

namespace DhcpCluster.Actors.Persistence.PersistentActors;

/// <summary>
/// The persistence plugin of an actor system: the store persistent actors write to. The application starts a
/// <see cref="PersistenceStore"/> (from HOCON with <see cref="Configuration.PersistenceSettings"/>) and installs it
/// with <see cref="Use"/> before it creates persistent actors.
/// </summary>
public sealed class PersistenceExtension : IExtension
{
    private readonly ExtendedActorSystem _system;
    private PersistenceStore? _store;
    private IEventJournal? _journal;

    private PersistenceExtension(ExtendedActorSystem system) => _system = system;

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static PersistenceExtension Get(ActorSystem system) => ExtensionId.Instance.Get(system);

    /// <summary>The installed store.</summary>
    /// <exception cref="InvalidOperationException">No store is installed.</exception>
    public PersistenceStore Store => Volatile.Read(ref _store)
        ?? throw new InvalidOperationException($"No persistence store is installed on actor system '{_system.Name}': start a PersistenceStore and call PersistenceExtension.Get(system).Use(store) before creating persistent actors.");

    /// <summary>The journal of the installed store.</summary>
    public IEventJournal Journal => Volatile.Read(ref _journal) ?? Store.Journal;

    /// <summary>The snapshot store of the installed store.</summary>
    public ISnapshotStore Snapshots => Store.Snapshots;

    /// <summary>Installs the store (once).</summary>
    /// <exception cref="InvalidOperationException">A store is already installed.</exception>
    /// <summary>
    /// Installs <paramref name="store"/> with its journal wrapped by <paramref name="decorateJournal"/> (for example
    /// a journal that tests can make slow or fail, or one that counts writes); snapshots and queries are the store's.
    /// </summary>
    /// <exception cref="InvalidOperationException">A store is already installed.</exception>
    public void Use(PersistenceStore store, Func<IEventJournal, IEventJournal> decorateJournal)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(decorateJournal);
        Use(store);
        Volatile.Write(ref _journal, decorateJournal(store.Journal));
    }

    public void Use(PersistenceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Interlocked.CompareExchange(ref _store, store, null) is not null)
        {
            throw new InvalidOperationException($"A persistence store is already installed on actor system '{_system.Name}'.");
        }
    }

    private sealed class ExtensionId : ExtensionIdProvider<PersistenceExtension>
    {
        public static ExtensionId Instance { get; } = new();

        public override PersistenceExtension CreateExtension(ExtendedActorSystem system) => new(system);
    }
}
