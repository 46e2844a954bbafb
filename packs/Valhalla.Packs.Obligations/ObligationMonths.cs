using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>
/// Month views and coverage as of today: the active obligations (one query), their payments from the
/// ledger (one query, when the transactions pack is loaded) and, only for a month with unpaid
/// occurrences still to come, the buckets' remaining money from the budget (when it is loaded).
/// Coverage, which the ledger asks for on every gated expense, is cached while the change stamps of
/// those sources stay the same (<see cref="CoverageCache"/>).
/// </summary>
public sealed class ObligationMonths(ObligationStore store, IPackServices packs, TimeProvider time, ChangeCounter changes)
{
    private readonly CoverageCache _cache = new();

    /// <summary>The widest range one request may ask for.</summary>
    public const int MaxRangeMonths = 24;

    /// <summary>The view of <paramref name="month"/>, by default the current month.</summary>
    public async Task<ObligationMonth> MonthAsync(Month? month, CancellationToken ct)
    {
        var shown = month ?? Month.Current(time);
        return (await ComputeAsync(shown, shown, Today(), Sources.Find(packs), null, ct))[0];
    }

    public async Task<ObligationMonthRange> RangeAsync(Month from, Month to, CancellationToken ct)
    {
        if (to < from)
        {
            throw PackProblemException.BadField("to", $"must not be before from ({from}).");
        }

        if (to.MonthsSince(from) >= MaxRangeMonths)
        {
            throw PackProblemException.BadField("to", $"a range may span at most {MaxRangeMonths} months.");
        }

        return new ObligationMonthRange(from, to, await ComputeAsync(from, to, Today(), Sources.Find(packs), null, ct));
    }

    public async Task<ObligationsCoverage> CoverageAsync(Month month, CancellationToken ct)
    {
        var today = Today();
        var sources = Sources.Find(packs);
        var stamps = CoverageStamps.Read(changes.Current, sources.Ledger, sources.Balances);
        if (stamps is not null && _cache.Find(month, today, stamps, sources.Ledger as ILedgerChangeStamps) is { } cached)
        {
            return cached;
        }

        var spending = new Dictionary<string, ChangeStamp>(StringComparer.Ordinal);
        var view = (await ComputeAsync(month, month, today, sources, spending, ct))[0];
        var coverage = new ObligationsCoverage(view.Covered, [.. view.Uncovered.Select(u => new UncoveredObligation(u.ObligationId, u.Name, u.DueDate, u.Outstanding, u.Reason))]);
        if (stamps is not null)
        {
            _cache.Store(month, today, stamps, spending, coverage);
        }

        return coverage;
    }

    /// <param name="spending">When given, receives the ledger's spending stamp of each bucket whose remaining money is read, read before it is.</param>
    private async Task<IReadOnlyList<ObligationMonth>> ComputeAsync(
        Month from, Month to, DateOnly today, Sources sources, Dictionary<string, ChangeStamp>? spending, CancellationToken ct)
    {
        var obligations = await store.ListAsync(ObligationValues.Active, null, ct);
        var payments = await PaymentsAsync(sources.Ledger, obligations, from.FirstDay, to.LastDay, ct);
        var months = new List<ObligationMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var occurrences = obligations
                .SelectMany(o => OccurrenceCalculator.Occurrences(o, payments, month.FirstDay, month.LastDay, today))
                .OrderBy(o => o.DueDate).ThenBy(o => o.Priority, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var remaining = sources.Balances is { } balances && NeedsBalances(month, occurrences, today)
                ? await RemainingAsync(balances, month, DrawnOn(occurrences, today), sources.Ledger as ILedgerChangeStamps, spending, ct)
                : null;
            var uncovered = Coverage.Uncovered(month, occurrences, today, remaining);
            months.Add(new ObligationMonth(month, today, occurrences, Totals(occurrences), uncovered.Count == 0, uncovered, sources.Balances is not null));
        }

        return months;
    }

    private static async Task<IReadOnlyDictionary<string, Money>> RemainingAsync(IBucketBalances balances, Month month, IEnumerable<string> drawnOn,
        ILedgerChangeStamps? ledger, Dictionary<string, ChangeStamp>? spending, CancellationToken ct)
    {
        if (spending is not null && ledger is not null)
        {
            foreach (var bucketId in drawnOn)
            {
                spending[bucketId] = ledger.Spending(bucketId);
            }
        }

        return (await balances.GetRemainingAsync(month, ct)).ToDictionary(b => b.BucketId, b => b.Remaining);
    }

    /// <summary>One query over the union of the obligations' payment windows; no payments without the ledger.</summary>
    private static async Task<IReadOnlyList<ObligationPayment>> PaymentsAsync(
        IObligationPayments? ledger, IReadOnlyList<Obligation> obligations, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var windows = obligations
            .Select(o => (o.Id, Window: OccurrenceCalculator.PaymentWindow(o, from, to)))
            .Where(w => w.Window is not null)
            .ToList();
        if (windows.Count == 0 || ledger is null)
        {
            return [];
        }

        var after = windows.Min(w => w.Window!.Value.After);
        var until = windows.Max(w => w.Window!.Value.Until);
        return await ledger.GetPaymentsAsync([.. windows.Select(w => w.Id)], after == DateOnly.MinValue ? after : after.AddDays(1), until, ct);
    }

    // Only occurrences still to come that draw on a bucket need the budget; past months never do.
    private static bool NeedsBalances(Month month, IReadOnlyList<Occurrence> occurrences, DateOnly today) =>
        month >= Month.Of(today) && DrawnOn(occurrences, today).Any();

    // The buckets of the unpaid occurrences still to come: the only ones whose remaining money coverage reads.
    private static IEnumerable<string> DrawnOn(IReadOnlyList<Occurrence> occurrences, DateOnly today) =>
        occurrences.Where(o => o.Status != OccurrenceStatus.Paid && o.GraceUntil >= today && o.BucketId is not null).Select(o => o.BucketId!).Distinct(StringComparer.Ordinal);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    // The other packs' exports, found once per computation so that data and stamps come from the same instances.
    private sealed record Sources(IObligationPayments? Ledger, IBucketBalances? Balances)
    {
        public static Sources Find(IPackServices packs) => new(packs.Find<IObligationPayments>(), packs.Find<IBucketBalances>());
    }

    private static OccurrenceTotals Totals(IReadOnlyList<Occurrence> occurrences) => new(
        Sum(occurrences, o => o.AmountMin), Sum(occurrences, o => o.AmountMax), Sum(occurrences, o => o.Paid), Sum(occurrences, o => o.Outstanding));

    private static Money Sum(IEnumerable<Occurrence> occurrences, Func<Occurrence, Money> field) =>
        occurrences.Aggregate(Money.Zero, (sum, o) => sum + field(o));
}
