using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget;

/// <summary>
/// The month arithmetic, pure: limit = allocation if set, else the monthly limit;
/// remaining = limit + carried_in − spent; with rollover on, carried_in is the previous month's
/// remaining (surplus or deficit), chained from the bucket's creation month.
/// </summary>
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
        var months = Enumerable.Range(0, to.MonthsSince(from) + 1).Select(from.AddMonths).ToList();
        var lines = months.ToDictionary(m => m, _ => new List<BucketMonth>());

        foreach (var bucket in buckets)
        {
            var created = bucket.CreatedIn;
            var previousRemaining = Money.Zero;
            for (var month = start; month <= to; month = month.AddMonths(1))
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
