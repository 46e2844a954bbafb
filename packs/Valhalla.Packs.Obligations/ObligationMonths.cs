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
/// </summary>
public sealed class ObligationMonths(ObligationStore store, IPackServices packs, TimeProvider time)
{
    /// <summary>The widest range one request may ask for.</summary>
    public const int MaxRangeMonths = 24;

    /// <summary>The view of <paramref name="month"/>, by default the current month.</summary>
    public async Task<ObligationMonth> MonthAsync(Month? month, CancellationToken ct)
    {
        var shown = month ?? Month.Current(time);
        return (await ComputeAsync(shown, shown, ct))[0];
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

        return new ObligationMonthRange(from, to, await ComputeAsync(from, to, ct));
    }

    public async Task<ObligationsCoverage> CoverageAsync(Month month, CancellationToken ct)
    {
        var view = (await ComputeAsync(month, month, ct))[0];
        return new ObligationsCoverage(view.Covered, [.. view.Uncovered.Select(u => new UncoveredObligation(u.ObligationId, u.Name, u.DueDate, u.Outstanding, u.Reason))]);
    }

    private async Task<IReadOnlyList<ObligationMonth>> ComputeAsync(Month from, Month to, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var obligations = await store.ListAsync(ObligationValues.Active, null, ct);
        var payments = await PaymentsAsync(obligations, from.FirstDay, to.LastDay, ct);
        var balances = packs.Find<IBucketBalances>();
        var months = new List<ObligationMonth>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var occurrences = obligations
                .SelectMany(o => OccurrenceCalculator.Occurrences(o, payments, month.FirstDay, month.LastDay, today))
                .OrderBy(o => o.DueDate).ThenBy(o => o.Priority, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var remaining = balances is not null && NeedsBalances(month, occurrences, today)
                ? (await balances.GetRemainingAsync(month, ct)).ToDictionary(b => b.BucketId, b => b.Remaining)
                : null;
            var uncovered = Coverage.Uncovered(month, occurrences, today, remaining);
            months.Add(new ObligationMonth(month, today, occurrences, Totals(occurrences), uncovered.Count == 0, uncovered, balances is not null));
        }

        return months;
    }

    /// <summary>One query over the union of the obligations' payment windows; no payments without the ledger.</summary>
    private async Task<IReadOnlyList<ObligationPayment>> PaymentsAsync(IReadOnlyList<Obligation> obligations, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var windows = obligations
            .Select(o => (o.Id, Window: OccurrenceCalculator.PaymentWindow(o, from, to)))
            .Where(w => w.Window is not null)
            .ToList();
        if (windows.Count == 0 || packs.Find<IObligationPayments>() is not { } ledger)
        {
            return [];
        }

        var after = windows.Min(w => w.Window!.Value.After);
        var until = windows.Max(w => w.Window!.Value.Until);
        return await ledger.GetPaymentsAsync([.. windows.Select(w => w.Id)], after == DateOnly.MinValue ? after : after.AddDays(1), until, ct);
    }

    // Only occurrences still to come that draw on a bucket need the budget; past months never do.
    private static bool NeedsBalances(Month month, IReadOnlyList<Occurrence> occurrences, DateOnly today) =>
        month >= Month.Of(today) && occurrences.Any(o => o.Status != OccurrenceStatus.Paid && o.GraceUntil >= today && o.BucketId is not null);

    private static OccurrenceTotals Totals(IReadOnlyList<Occurrence> occurrences) => new(
        Sum(occurrences, o => o.AmountMin), Sum(occurrences, o => o.AmountMax), Sum(occurrences, o => o.Paid), Sum(occurrences, o => o.Outstanding));

    private static Money Sum(IEnumerable<Occurrence> occurrences, Func<Occurrence, Money> field) =>
        occurrences.Aggregate(Money.Zero, (sum, o) => sum + field(o));
}
