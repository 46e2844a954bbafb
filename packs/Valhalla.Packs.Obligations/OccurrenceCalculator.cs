using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations;

/// <summary>
/// Which occurrences of an obligation its payments pay, pure. Payments are taken in date order and
/// each pays the oldest occurrence still open to it, up to the occurrence's maximum amount, the rest
/// going to the next: an occurrence takes payments dated after the previous occurrence's due date
/// (paying early counts) and no later than the next occurrence's due date (paying late counts until
/// the next one falls due). It is paid once its payments reach its minimum amount.
/// </summary>
public static class OccurrenceCalculator
{
    /// <summary>How many occurrences before a month's first one are settled first, so that a late payment goes to them.</summary>
    public const int Lookback = 2;

    /// <summary>
    /// The payment dates that can matter for <paramref name="obligation"/>'s occurrences from
    /// <paramref name="from"/> to <paramref name="to"/>: after <c>After</c>, up to <c>Until</c>
    /// inclusive. Null when it has no occurrence then.
    /// </summary>
    public static (DateOnly After, DateOnly Until)? PaymentWindow(Obligation obligation, DateOnly from, DateOnly to)
    {
        var chain = Chain(obligation.Recurrence, from, to);
        return chain is { } c ? (c.First > 0 ? obligation.Recurrence.Nth(c.First - 1) : DateOnly.MinValue, NextDue(obligation.Recurrence, c.Last) ?? DateOnly.MaxValue) : null;
    }

    /// <summary>The occurrences of <paramref name="obligation"/> due from <paramref name="from"/> to <paramref name="to"/>, with what paid them, as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<Occurrence> Occurrences(
        Obligation obligation, IEnumerable<ObligationPayment> payments, DateOnly from, DateOnly to, DateOnly today)
    {
        var rule = obligation.Recurrence;
        if (Chain(rule, from, to) is not { } chain)
        {
            return [];
        }

        var count = chain.Last - chain.First + 1;
        var filled = new Money[count];
        var paidBy = Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
        foreach (var payment in payments.Where(p => p.ObligationId == obligation.Id).OrderBy(p => p.Date).ThenBy(p => p.TransactionId, StringComparer.Ordinal))
        {
            var left = payment.Amount;
            for (var i = 0; i < count && left > Money.Zero; i++)
            {
                var index = chain.First + i;
                if (index > 0 && payment.Date <= rule.Nth(index - 1))
                {
                    break; // too early for this occurrence, and for every later one
                }

                if (NextDue(rule, index) is { } next && payment.Date > next || filled[i] >= obligation.AmountMax)
                {
                    continue;
                }

                var take = Min(left, obligation.AmountMax - filled[i]);
                filled[i] += take;
                left -= take;
                paidBy[i].Add(payment.TransactionId);
            }
        }

        var occurrences = new List<Occurrence>();
        for (var i = 0; i < count; i++)
        {
            var index = chain.First + i;
            var due = rule.Nth(index);
            if (due < from)
            {
                continue;
            }

            var graceUntil = due.AddDays(obligation.GraceDays);
            var outstanding = Max(Money.Zero, obligation.AmountMin - filled[i]);
            var status = outstanding == Money.Zero ? OccurrenceStatus.Paid
                : today < due ? OccurrenceStatus.Upcoming
                : today <= graceUntil ? OccurrenceStatus.Due
                : NextDue(rule, index) is { } next && today > next ? OccurrenceStatus.Missed
                : OccurrenceStatus.Late;
            occurrences.Add(new Occurrence(obligation.Id, obligation.Name, obligation.BucketId, obligation.Priority, due, graceUntil,
                obligation.AmountMin, obligation.AmountMax, filled[i], outstanding, status, paidBy[i]));
        }

        return occurrences;
    }

    // The occurrence indexes to settle: from Lookback before the first due in [from, to] to the last one.
    private static (int First, int Last)? Chain(Recurrence rule, DateOnly from, DateOnly to)
    {
        var inRange = rule.Between(from, to).Select(o => o.Index).ToList();
        return inRange.Count == 0 ? null : (Math.Max(0, inRange[0] - Lookback), inRange[^1]);
    }

    private static DateOnly? NextDue(Recurrence rule, int index) => rule.Exists(index + 1) ? rule.Nth(index + 1) : null;

    private static Money Min(Money a, Money b) => a < b ? a : b;

    private static Money Max(Money a, Money b) => a > b ? a : b;
}
