using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The rules of a post, applied to a file's rows: the bucket exists and is active, obligation gating,
/// and the bucket-month ceiling summed over the file. Each lookup is made once per bucket or month, not
/// per row, and a broken rule is an error on the row's line.
/// </summary>
public sealed class ImportRules(TransactionStore ledger, IPackServices packs, bool gatingOff)
{
    private readonly Dictionary<string, (string? Type, string? Error)> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<Month, ObligationsCoverage?> _coverage = [];

    /// <summary>The rows that keep every rule; each row that breaks one adds an error to <paramref name="errors"/>.</summary>
    public async Task<IReadOnlyList<ImportRow>> CheckAsync(IReadOnlyList<ImportRow> rows, List<ImportError> errors, CancellationToken ct)
    {
        List<ImportRow> valid = [];
        foreach (var row in rows)
        {
            var (bucketType, bucketError) = await BucketAsync(row.BucketId, ct);
            var gated = bucketError is null ? await GatedAsync(row, bucketType, ct) : null;
            if (bucketError is not null || gated is not null)
            {
                errors.Add(bucketError is not null ? new ImportError(row.Line, "bucket_id", bucketError) : new ImportError(row.Line, "priority", gated!));
                continue;
            }

            valid.Add(row);
        }

        return await WithinCeilingAsync(valid, errors, ct);
    }

    private async Task<(string? Type, string? Error)> BucketAsync(string? bucketId, CancellationToken ct)
    {
        if (bucketId is null || packs.Find<IBucketDirectory>() is not { } buckets)
        {
            return (null, null);
        }

        if (!_buckets.TryGetValue(bucketId, out var known))
        {
            var bucket = await buckets.FindAsync(bucketId, ct);
            known = bucket is null ? (null, $"bucket_id: no bucket has id '{bucketId}'.")
                : bucket.IsActive ? (bucket.BucketType, null)
                : (null, $"bucket_id: bucket '{bucket.Name}' is archived; post to an active bucket.");
            _buckets[bucketId] = known;
        }

        return known;
    }

    private async Task<string?> GatedAsync(ImportRow row, string? bucketType, CancellationToken ct)
    {
        if (gatingOff || !ObligationGate.Applies(row.TxType, row.Priority, bucketType, row.Links) || packs.Find<IObligationsStatus>() is not { } obligations)
        {
            return null;
        }

        var month = Month.Of(row.Date);
        if (!_coverage.TryGetValue(month, out var coverage))
        {
            coverage = await obligations.GetCoverageAsync(month, ct);
            _coverage[month] = coverage;
        }

        return coverage is { Covered: false }
            ? $"priority: the obligations of {month} are not covered yet, so a priority {row.Priority} expense is refused; " +
              "import it with priority A or B, to an essentials bucket, or with gating=off (admin key)."
            : null;
    }

    // Sums the file's expenses per bucket and month on top of what is posted; the row that would cross the ceiling, and any after it, is refused.
    private async Task<IReadOnlyList<ImportRow>> WithinCeilingAsync(List<ImportRow> rows, List<ImportError> errors, CancellationToken ct)
    {
        var bucketed = rows.Where(r => r is { TxType: TxValues.Expense, BucketId: not null }).ToList();
        if (bucketed.Count == 0)
        {
            return rows;
        }

        var spent = (await ledger.SpentAsync(bucketed.Min(r => Month.Of(r.Date)), bucketed.Max(r => Month.Of(r.Date)), ct))
            .ToDictionary(s => (s.BucketId, s.Month), s => s.Spent);
        List<ImportRow> valid = [];
        foreach (var row in rows)
        {
            if (row is { TxType: TxValues.Expense, BucketId: not null })
            {
                var key = (row.BucketId, Month.Of(row.Date));
                var sum = spent.GetValueOrDefault(key) + row.Amount;
                if (sum > Money.MaxAmount)
                {
                    errors.Add(new ImportError(row.Line, "amount", $"amount: bucket '{row.BucketId}' would hold more than {Money.MaxAmount} of expenses in {key.Item2}."));
                    continue;
                }

                spent[key] = sum;
            }

            valid.Add(row);
        }

        return valid;
    }
}
