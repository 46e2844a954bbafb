using CsCheck;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>For random buckets, allocations and spends, the snapshot identities hold in every month.</summary>
public sealed class SnapshotPropertyTests
{
    private static readonly Month Start = Month.Of(2025, 11);
    private const int Months = 8;

    private static readonly Gen<SnapshotBucket> GenBucket =
        Gen.Select(Gen.Int[0, 100_000], Gen.Bool, Gen.Int[0, 4], (limit, rollover, createdOffset) => new SnapshotBucket
        {
            Id = PrefixedId.New("bk"),
            Name = "b",
            BucketType = "variable",
            MonthlyLimit = new Money(limit),
            Priority = "B",
            Rollover = rollover,
            CreatedIn = Start.AddMonths(createdOffset),
        });

    private static readonly Gen<(SnapshotBucket[] Buckets, (int Bucket, int Month, long Amount)[] Allocations, (int Bucket, int Month, long Amount)[] Spends)> GenBudget =
        Gen.Select(
            GenBucket.Array[1, 5],
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, Months - 1], Gen.Long[0, 50_000]).Array[0, 10],
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, Months - 1], Gen.Long[0, 80_000]).Array[0, 20]);

    [Fact]
    public void Snapshot_identities_hold_for_random_budgets()
    {
        GenBudget.Sample(budget =>
        {
            var (buckets, allocations, spends) = Materialise(budget);
            var end = Start.AddMonths(Months - 1);
            var full = SnapshotCalculator.Compute(buckets, allocations, spends, Start, Start, end);

            foreach (var bucket in buckets)
            {
                var created = bucket.CreatedIn;
                BucketMonth? previous = null;
                foreach (var snapshot in full)
                {
                    var line = snapshot.Buckets.Single(b => b.BucketId == bucket.Id);
                    Assert.Equal(line.Limit + line.CarriedIn - line.Spent, line.Remaining);
                    Assert.Equal(line.Allocation ?? bucket.MonthlyLimit, line.Limit);
                    var expectedCarry = bucket.Rollover && snapshot.Month > created && previous is not null ? previous.Remaining : Money.Zero;
                    Assert.Equal(expectedCarry, line.CarriedIn);
                    previous = line;
                }
            }

            // A window computed on its own agrees with the same months of the full chain.
            var from = Start.AddMonths(3);
            var window = SnapshotCalculator.Compute(buckets, allocations, spends, SnapshotCalculator.ChainStart(buckets, from), from, end);
            Assert.Equal(full.Skip(3).Select(s => s.Buckets), window.Select(s => s.Buckets));
            foreach (var snapshot in full)
            {
                Assert.Equal(snapshot.Buckets.Aggregate(Money.Zero, (sum, l) => sum + l.Remaining), snapshot.Totals.Remaining);
            }
        }, iter: 300);
    }

    private static (SnapshotBucket[], IReadOnlyList<AllocationRow>, IReadOnlyList<BucketSpend>) Materialise(
        (SnapshotBucket[] Buckets, (int Bucket, int Month, long Amount)[] Allocations, (int Bucket, int Month, long Amount)[] Spends) budget)
    {
        var buckets = budget.Buckets;
        var allocations = budget.Allocations
            .Where(a => a.Bucket < buckets.Length)
            .DistinctBy(a => (a.Bucket, a.Month))
            .Select(a => new AllocationRow { BucketId = buckets[a.Bucket].Id, Month = Start.AddMonths(a.Month), Amount = new Money(a.Amount) })
            .ToList();
        var spends = budget.Spends
            .Where(s => s.Bucket < buckets.Length)
            .Select(s => new BucketSpend(buckets[s.Bucket].Id, Start.AddMonths(s.Month), new Money(s.Amount)))
            .ToList();
        return (buckets, allocations, spends);
    }
}
