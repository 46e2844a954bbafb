using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>
/// The worst case the ceilings allow cannot overflow: every amount at the ceiling, a rollover chain
/// from the first month there is to the last, and the most active buckets a month may hold.
/// </summary>
public sealed class SnapshotCeilingTests
{
    public static TheoryData<long, long> Extremes => new()
    {
        // monthly limit, spent every month (minor units)
        { Money.MaxAmountMinorUnits, 0 },
        { 0, Money.MaxAmountMinorUnits },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void A_full_chain_at_the_ceiling_fits_and_500_of_them_still_add_up(long limit, long spentEachMonth)
    {
        var bucket = new SnapshotBucket
        {
            Id = "bk_000000000001",
            Name = "worst",
            BucketType = "variable",
            Priority = "A",
            Rollover = true,
            MonthlyLimit = new Money(limit),
            CreatedIn = Month.MinValue,
        };
        var spends = new[] { Month.MinValue, Month.Of(5000, 6), Month.MaxValue }; // the chain is as long as months allow
        var months = Month.MaxValue.MonthsSince(Month.MinValue) + 1;
        var spentEveryMonth = Enumerable.Range(0, months)
            .Select(i => new BucketSpend(bucket.Id, Month.MinValue.AddMonths(i), new Money(spentEachMonth)))
            .Where(s => s.Spent != Money.Zero || spends.Contains(s.Month))
            .ToList();

        var last = SnapshotCalculator.Compute([bucket], [], spentEveryMonth, Month.MinValue, Month.MaxValue, Month.MaxValue).Single();

        var line = last.Buckets.Single();
        Assert.Equal(119_988, months);
        Assert.Equal(new Money(checked((limit - spentEachMonth) * months)), line.Remaining);
        var total = Enumerable.Repeat(line.Remaining, BucketRules.MaxActiveBuckets).Aggregate(Money.Zero, (sum, r) => sum + r);
        Assert.True((Int128)BucketRules.MaxActiveBuckets * months * Money.MaxAmountMinorUnits < long.MaxValue);
        Assert.Equal(new Money(line.Remaining.MinorUnits * BucketRules.MaxActiveBuckets), total);
    }

    [Fact]
    public void A_sum_that_could_not_be_held_throws_instead_of_wrapping() =>
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
}
