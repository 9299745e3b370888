namespace DhcpCluster.Actors.Persistence;

/// <summary>SQLite's <c>PRAGMA synchronous</c> (the journal always runs in WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>No fsync: an acknowledged write can be lost on power loss or OS crash.</summary>
    Off = 0,

    /// <summary>In WAL mode, no fsync per commit: survives a process crash, not power loss.</summary>
    Normal = 1,

    /// <summary>One WAL fsync per commit: an acknowledged write survives power loss (default).</summary>
    Full = 2,

    /// <summary>Like FULL plus a directory sync.</summary>
    Extra = 3,
}
