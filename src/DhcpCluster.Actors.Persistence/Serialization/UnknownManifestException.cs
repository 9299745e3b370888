namespace DhcpCluster.Actors.Persistence.Serialization;

/// <summary>A stored event or snapshot names a serializer id and manifest that no registered type has.</summary>
public sealed class UnknownManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownManifestException(string persistenceId, long sequenceNr, int serializerId, string manifest)
        : base($"Cannot recover persistence id '{persistenceId}' at sequence number {sequenceNr}: serializer id {serializerId} with manifest '{manifest}' is not registered.")
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        SerializerId = serializerId;
        Manifest = manifest;
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownManifestException()
        : this(string.Empty, 0, 0, string.Empty)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownManifestException(string message)
        : base(message)
    {
        PersistenceId = string.Empty;
        Manifest = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
        PersistenceId = string.Empty;
        Manifest = string.Empty;
    }

    /// <summary>Whose event could not be read.</summary>
    public string PersistenceId { get; }

    /// <summary>Which event could not be read.</summary>
    public long SequenceNr { get; }

    /// <summary>Stored serializer id.</summary>
    public int SerializerId { get; }

    /// <summary>Stored manifest.</summary>
    public string Manifest { get; }
}
