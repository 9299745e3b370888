namespace DhcpCluster.Actors;

/// <summary>The mailbox kinds of a system by id.</summary>
public sealed class Mailboxes
{
    /// <summary>Id of the bounded mailbox.</summary>
    public const string BoundedMailboxId = "bounded-mailbox";

    private readonly Dictionary<string, MailboxKind> _byId = new(StringComparer.Ordinal);

    internal Mailboxes(ActorSystemSettings settings)
    {
        _byId[Props.DefaultMailboxId] = new MailboxKind(Props.DefaultMailboxId, 0);
        _byId["unbounded-mailbox"] = new MailboxKind("unbounded-mailbox", 0);
        _byId[BoundedMailboxId] = new MailboxKind(BoundedMailboxId, settings.BoundedMailboxCapacity);
        foreach (var (id, capacity) in settings.Mailboxes)
        {
            _byId[id] = new MailboxKind(id, capacity);
        }
    }

    /// <summary>Looks up a mailbox kind.</summary>
    /// <exception cref="ArgumentException">When none has that id.</exception>
    public MailboxKind Lookup(string id) => _byId.TryGetValue(id, out var m) ? m : throw new ArgumentException($"No mailbox with id '{id}' is configured.", nameof(id));
}
