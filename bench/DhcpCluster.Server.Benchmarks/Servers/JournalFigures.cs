namespace DhcpCluster.Server.Benchmarks.Servers;

/// <summary>
/// The journal's group commit over one server's life (start, warm-up and the measured step): commits (each one sync),
/// events, events per commit, and the average milliseconds of a transaction (BEGIN to committed) and of its COMMIT
/// alone (the WAL write and fsync); NaN when the server did not print them.
/// </summary>
internal sealed record JournalFigures(long Commits, long Events, double EventsPerCommit, double TransactionMs, double CommitMs);
