namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>
/// The database failed while writing, or is known to be unavailable. The write was not acknowledged; if
/// the commit itself was interrupted it may still have been stored, so recovery reads the journal to learn
/// the truth.
/// </summary>
public sealed class JournalWriteFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalWriteFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalWriteFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public JournalWriteFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
