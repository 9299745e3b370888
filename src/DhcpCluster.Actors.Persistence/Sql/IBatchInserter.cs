using System.Data.Common;

namespace DhcpCluster.Actors.Persistence.Sql;

/// <summary>Writes queued writes inside a transaction on one writer connection (statements prepared once per connection).</summary>
internal interface IBatchInserter : IAsyncDisposable
{
    /// <summary>
    /// Inserts the events, tags and read-model rows of <c>batch[start..start+count)</c> inside
    /// <paramref name="transaction"/>; null: inside the transaction the inserter began itself (<see cref="IStatementTransactions"/>).
    /// </summary>
    Task InsertAsync(DbTransaction? transaction, List<PendingWrite> batch, int start, int count, CancellationToken cancellationToken);
}
