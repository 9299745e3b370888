namespace DhcpCluster.Actors.Persistence.Journal;

/// <summary>A snapshot of the journal's durability counters.</summary>
/// <param name="Commits">Transactions committed by the group-commit writer.</param>
/// <param name="SynchronousCommits">Commits made with a durable setting (SQLite synchronous FULL/EXTRA: one WAL fsync each; PostgreSQL synchronous_commit on/remote_write/remote_apply: each waits for the WAL flush).</param>
/// <param name="EventsWritten">Events committed.</param>
/// <param name="WritesAccepted">Atomic writes committed.</param>
/// <param name="WritesRejected">Atomic writes refused by a constraint.</param>
/// <param name="WritesFailed">Atomic writes failed by a database error or outage.</param>
/// <param name="BatchRetries">Batches re-run write by write after a constraint violation.</param>
/// <param name="LargestCommitEvents">Most events in one commit.</param>
/// <param name="Durability">The durability setting the database reports (e.g. "sqlite synchronous=FULL journal_mode=wal", "postgresql synchronous_commit=on").</param>
public sealed record JournalStatistics(
    long Commits,
    long SynchronousCommits,
    long EventsWritten,
    long WritesAccepted,
    long WritesRejected,
    long WritesFailed,
    long BatchRetries,
    long LargestCommitEvents,
    string Durability)
{
    /// <summary>Average events per commit (0 before the first commit).</summary>
    public double EventsPerCommit => Commits == 0 ? 0 : (double)EventsWritten / Commits;
}
