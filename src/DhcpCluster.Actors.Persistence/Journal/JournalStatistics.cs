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
/// <param name="TransactionSeconds">Time the writer spent in the transactions that committed without a retry, from BEGIN until COMMIT returned (inserts, WAL write and sync).</param>
/// <param name="CommitSeconds">The part of <paramref name="TransactionSeconds"/> spent in COMMIT: with SQLite the WAL write and its fsync, with PostgreSQL the round trip and the server's WAL flush.</param>
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
    double TransactionSeconds,
    double CommitSeconds,
    string Durability)
{
    /// <summary>Average events per commit (0 before the first commit).</summary>
    public double EventsPerCommit => Commits == 0 ? 0 : (double)EventsWritten / Commits;

    /// <summary>Average milliseconds from BEGIN to a committed COMMIT (0 before the first commit; retried batches are left out).</summary>
    public double AverageTransactionMilliseconds => PerTimedCommitMilliseconds(TransactionSeconds);

    /// <summary>Average milliseconds of the COMMIT statement alone (0 before the first commit; retried batches are left out).</summary>
    public double AverageCommitMilliseconds => PerTimedCommitMilliseconds(CommitSeconds);

    /// <summary><paramref name="seconds"/> over the commits that were timed (those without a retry), in milliseconds.</summary>
    private double PerTimedCommitMilliseconds(double seconds) => Commits - BatchRetries <= 0 ? 0 : seconds * 1000 / (Commits - BatchRetries);
}
