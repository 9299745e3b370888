namespace DhcpCluster.Actors.Persistence.Serialization;

/// <summary>Stored bytes do not parse as the type their manifest names.</summary>
public sealed class StoredPayloadCorruptException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoredPayloadCorruptException(string persistenceId, long sequenceNr, Type type, Exception innerException)
        : base($"Stored payload of persistence id '{persistenceId}' at sequence number {sequenceNr} is not a valid {type?.FullName}.", innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>Creates the exception.</summary>
    public StoredPayloadCorruptException()
    {
        PersistenceId = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoredPayloadCorruptException(string message)
        : base(message)
    {
        PersistenceId = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StoredPayloadCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        PersistenceId = string.Empty;
    }

    /// <summary>Whose payload is corrupt.</summary>
    public string PersistenceId { get; }

    /// <summary>Which sequence number.</summary>
    public long SequenceNr { get; }
}
