using System.Data.Common;

namespace Valhalla.Contracts.Stores;

/// <summary>
/// A pack's SQLite database for one of its data paths, opened and migrated by the host
/// (WAL, foreign keys on, busy timeout, <c>synchronous=FULL</c>).
/// </summary>
/// <remarks>
/// Reads run concurrently on read-only connections. Writes are queued to the database's single
/// writer, which may run several queued writes in one transaction and commit them together
/// (group commit); each write runs inside its own savepoint, so a write that throws is rolled back
/// alone and its exception is rethrown to its caller. A write's task completes only after the
/// commit that contains it is durable.
/// </remarks>
public interface IPackDatabase
{
    /// <summary>The data path as declared in the manifest, e.g. <c>budget/budget.db</c>.</summary>
    string DataPath { get; }

    /// <summary>Runs <paramref name="read"/> on a read-only connection. Do not keep the connection.</summary>
    Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="write"/> on the writer connection inside a transaction. Every command
    /// must be given the transaction (Dapper: <c>transaction: tx</c>); do not commit or roll it back,
    /// and do not call <see cref="WriteAsync{T}"/> again from inside it: the writer is busy with you.
    /// </summary>
    Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default);
}
