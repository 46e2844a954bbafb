using Dapper;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions;

/// <summary>What the ledger exports to the obligations pack: posted expenses that name an obligation, and when they or a bucket's spending changed.</summary>
public sealed class ObligationPayments(IPackDatabase database, LedgerChanges changes) : IObligationPayments, ILedgerChangeStamps
{
    public ChangeStamp Payments => changes.Payments;

    public ChangeStamp Spending(string bucketId) => changes.Spending(bucketId);

    /// <summary>One search of ix_transactions_obligation per obligation id; the terms repeat the index's own condition so SQLite uses it.</summary>
    public const string Sql = """
        SELECT json_extract(links, '$.obligation_id') AS obligation_id, id AS transaction_id, date, amount
        FROM transactions
        WHERE json_extract(links, '$.obligation_id') IN @Ids AND date BETWEEN @From AND @To
            AND status = 'posted' AND tx_type = 'expense' AND json_extract(links, '$.obligation_id') IS NOT NULL
        ORDER BY date, id
        """;

    public Task<IReadOnlyList<ObligationPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> obligationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        obligationIds.Count == 0
            ? Task.FromResult<IReadOnlyList<ObligationPayment>>([])
            : database.ReadAsync<IReadOnlyList<ObligationPayment>>(async (connection, token) =>
            {
                var rows = await connection.QueryAsync<PaymentRow>(new CommandDefinition(Sql, new { Ids = obligationIds, From = from, To = to }, cancellationToken: token));
                return [.. rows.Select(r => new ObligationPayment(r.ObligationId, r.TransactionId, r.Date, r.Amount))];
            }, cancellationToken);

    private sealed record PaymentRow
    {
        public required string ObligationId { get; init; }

        public required string TransactionId { get; init; }

        public required DateOnly Date { get; init; }

        public required Money Amount { get; init; }
    }
}
