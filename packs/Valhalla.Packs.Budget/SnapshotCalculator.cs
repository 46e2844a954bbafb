using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget;

/// <summary>
/// The month arithmetic, pure: limit = allocation if set, else the monthly limit;
/// remaining = limit + carried_in − spent; with rollover on, carried_in is the previous month's
/// remaining (surplus or deficit), chained from the bucket's creation month.
/// </summary>
/// <remarks>
/// Why no sum overflows (Money's operators are checked, so one that did would throw): a limit and a
/// bucket's spent in one month are each between 0 and <see cref="Money.MaxAmount"/> (the ledger
/// refuses an expense past that), so each month moves a bucket's remaining by at most one ceiling,
/// and a chain from 0001-01 to 9999-12 keeps it within 119,988 ceilings; with at most
/// <see cref="BucketRules.MaxActiveBuckets"/> buckets a total stays below 6.0e18 minor units, under
/// the 9.2e18 that 64 bits hold.
/// </remarks>
public static class SnapshotCalculator
{
    /// <summary>The first month whose figures are needed to compute <paramref name="from"/>: rollover chains reach back to creation.</summary>
    public static Month ChainStart(IEnumerable<SnapshotBucket> buckets, Month from) =>
        buckets.Where(b => b.Rollover).Select(b => b.CreatedIn).Where(m => m < from).DefaultIfEmpty(from).Min();

    /// <summary>Snapshots for every month from <paramref name="from"/> to <paramref name="to"/>, given data from <paramref name="start"/> on.</summary>
    public static IReadOnlyList<MonthSnapshot> Compute(
        IReadOnlyList<SnapshotBucket> buckets, IReadOnlyList<AllocationRow> allocations, IReadOnlyList<BucketSpend> spends,
        Month start, Month from, Month to)
    {
        var allocated = allocations.ToDictionary(a => (a.BucketId, a.Month), a => a.Amount);
        var spent = spends.GroupBy(s => (s.BucketId, s.Month)).ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, s) => sum + s.Spent));
        // Counted, not stepped past the end: 9999-12 has no next month.
        var chain = Enumerable.Range(0, to.MonthsSince(start) + 1).Select(start.AddMonths).ToList();
        var months = chain.Where(m => m >= from).ToList();
        var lines = months.ToDictionary(m => m, _ => new List<BucketMonth>());

        foreach (var bucket in buckets)
        {
            var created = bucket.CreatedIn;
            var previousRemaining = Money.Zero;
            foreach (var month in chain)
            {
                Money? allocation = allocated.TryGetValue((bucket.Id, month), out var a) ? a : null;
                var limit = allocation ?? bucket.MonthlyLimit;
                var carriedIn = bucket.Rollover && month > created ? previousRemaining : Money.Zero;
                var monthSpent = spent.GetValueOrDefault((bucket.Id, month));
                var remaining = limit + carriedIn - monthSpent;
                previousRemaining = remaining;
                if (month >= from)
                {
                    lines[month].Add(new BucketMonth(bucket.Id, bucket.Name, bucket.BucketType, bucket.Priority, bucket.Rollover,
                        bucket.MonthlyLimit, allocation, carriedIn, limit, monthSpent, remaining));
                }
            }
        }

        return [.. months.Select(m => new MonthSnapshot(m, lines[m], Totals(lines[m])))];
    }

    private static MonthTotals Totals(IReadOnlyList<BucketMonth> lines) => new(
        Sum(lines, l => l.Limit), Sum(lines, l => l.CarriedIn), Sum(lines, l => l.Spent), Sum(lines, l => l.Remaining));

    private static Money Sum(IEnumerable<BucketMonth> lines, Func<BucketMonth, Money> field) =>
        lines.Aggregate(Money.Zero, (sum, line) => sum + field(line));
}
