using CsCheck;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>
/// Model-based: a random history of limit changes, allocations set and cleared, and spending posted
/// and voided is folded by a model of its own, month by month, and the snapshots must agree with it.
/// The model never calls <see cref="SnapshotCalculator"/>: a rollover bucket's remaining is the plain
/// sum of (limit − spent) over the months since its creation, not a chain of carries.
/// </summary>
public sealed class SnapshotPropertyTests
{
    private static readonly Month Start = Month.Of(2025, 11);
    private const int Months = 8;
    private const int Buckets = 4;

    private enum Op
    {
        SetLimit,
        Allocate,
        ClearAllocation,
        Spend,
        VoidLastSpend,
    }

    private static readonly Gen<(bool Rollover, int CreatedOffset, long Limit)[]> GenBuckets =
        Gen.Select(Gen.Bool, Gen.Int[0, Months - 1], Gen.Long[0, 100_000]).Array[Buckets];

    private static readonly Gen<(Op Op, int Bucket, int Month, long Amount)[]> GenHistory =
        Gen.Select(Gen.Enum<Op>(), Gen.Int[0, Buckets - 1], Gen.Int[0, Months - 1], Gen.Long[0, 90_000]).Array[0, 60];

    [Fact]
    public void Snapshots_agree_with_a_model_folded_from_a_random_history()
    {
        Gen.Select(GenBuckets, GenHistory, Gen.Int[0, Months - 1]).Sample((buckets, history, windowOffset) =>
        {
            var model = new BudgetModel(buckets);
            foreach (var step in history)
            {
                model.Apply(step.Op, step.Bucket, step.Month, step.Amount);
            }

            var end = Start.AddMonths(Months - 1);
            var full = SnapshotCalculator.Compute(model.SnapshotBuckets, model.AllocationRows, model.SpendRows, Start, Start, end);

            Assert.Equal(Months, full.Count);
            for (var m = 0; m < Months; m++)
            {
                Assert.Equal(Start.AddMonths(m), full[m].Month);
                Assert.Equal(model.Lines(m), full[m].Buckets);
                Assert.Equal(model.Totals(m), full[m].Totals);
            }

            // A window computed on its own, from where its chains start, shows the same months.
            var from = Start.AddMonths(windowOffset);
            var chainStart = SnapshotCalculator.ChainStart(model.SnapshotBuckets, from);
            Assert.Equal(Start.AddMonths(model.ExpectedChainStart(windowOffset)), chainStart);
            var window = SnapshotCalculator.Compute(model.SnapshotBuckets, model.AllocationRows, model.SpendRows, chainStart, from, end);
            Assert.Equal(full.Skip(windowOffset).Select(s => (s.Month, s.Totals)), window.Select(s => (s.Month, s.Totals)));
            Assert.Equal(full.Skip(windowOffset).Select(s => s.Buckets), window.Select(s => s.Buckets));
        }, iter: 300);
    }

    /// <summary>The budget as plain state and plain arithmetic.</summary>
    private sealed class BudgetModel
    {
        private readonly (bool Rollover, int CreatedOffset, long Limit)[] _buckets;
        private readonly string[] _ids;
        private readonly Dictionary<(int Bucket, int Month), long> _allocations = [];
        private readonly List<(int Bucket, int Month, long Amount)> _spends = [];

        public BudgetModel((bool Rollover, int CreatedOffset, long Limit)[] buckets)
        {
            _buckets = [.. buckets];
            _ids = [.. buckets.Select((_, i) => $"bk_00000000000{i}")];
        }

        public void Apply(Op op, int bucket, int month, long amount)
        {
            switch (op)
            {
                case Op.SetLimit:
                    _buckets[bucket].Limit = amount; // a limit is not historical: the latest applies to every month
                    break;
                case Op.Allocate:
                    _allocations[(bucket, month)] = amount;
                    break;
                case Op.ClearAllocation:
                    _allocations.Remove((bucket, month));
                    break;
                case Op.Spend:
                    _spends.Add((bucket, month, amount));
                    break;
                case Op.VoidLastSpend:
                    var last = _spends.FindLastIndex(s => s.Bucket == bucket && s.Month == month);
                    if (last >= 0)
                    {
                        _spends.RemoveAt(last);
                    }

                    break;
            }
        }

        public IReadOnlyList<SnapshotBucket> SnapshotBuckets =>
        [
            .. _buckets.Select((b, i) => new SnapshotBucket
            {
                Id = _ids[i], Name = $"b{i}", BucketType = "variable", Priority = "B",
                Rollover = b.Rollover, MonthlyLimit = new Money(b.Limit), CreatedIn = Start.AddMonths(b.CreatedOffset),
            }),
        ];

        public IReadOnlyList<AllocationRow> AllocationRows =>
            [.. _allocations.Select(a => new AllocationRow { BucketId = _ids[a.Key.Bucket], Month = Start.AddMonths(a.Key.Month), Amount = new Money(a.Value) })];

        // One row per posted spend, as many per month as were posted: the calculator must add them up.
        public IReadOnlyList<BucketSpend> SpendRows =>
            [.. _spends.Select(s => new BucketSpend(_ids[s.Bucket], Start.AddMonths(s.Month), new Money(s.Amount)))];

        public int ExpectedChainStart(int fromOffset) =>
            _buckets.Where(b => b.Rollover && b.CreatedOffset < fromOffset).Select(b => b.CreatedOffset).DefaultIfEmpty(fromOffset).Min();

        public IReadOnlyList<BucketMonth> Lines(int month) => [.. Enumerable.Range(0, Buckets).Select(b => Line(b, month))];

        public MonthTotals Totals(int month)
        {
            var lines = Lines(month);
            return new MonthTotals(
                new Money(lines.Sum(l => l.Limit.MinorUnits)), new Money(lines.Sum(l => l.CarriedIn.MinorUnits)),
                new Money(lines.Sum(l => l.Spent.MinorUnits)), new Money(lines.Sum(l => l.Remaining.MinorUnits)));
        }

        private BucketMonth Line(int bucket, int month)
        {
            var b = _buckets[bucket];
            long? allocation = _allocations.TryGetValue((bucket, month), out var a) ? a : null;
            var net = Net(bucket, month);
            var remaining = b.Rollover && month > b.CreatedOffset
                ? Enumerable.Range(b.CreatedOffset, month - b.CreatedOffset + 1).Sum(m => Net(bucket, m))
                : net;
            return new BucketMonth(
                _ids[bucket], $"b{bucket}", "variable", "B", b.Rollover, new Money(b.Limit),
                allocation is { } set ? new Money(set) : null, new Money(remaining - net), new Money(allocation ?? b.Limit),
                new Money(Spent(bucket, month)), new Money(remaining));
        }

        private long Net(int bucket, int month) =>
            (_allocations.TryGetValue((bucket, month), out var a) ? a : _buckets[bucket].Limit) - Spent(bucket, month);

        private long Spent(int bucket, int month) => _spends.Where(s => s.Bucket == bucket && s.Month == month).Sum(s => s.Amount);
    }
}
