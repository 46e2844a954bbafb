using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations;

/// <summary>One occurrence of an obligation in a month view.</summary>
/// <param name="Status">upcoming, due (within grace), paid, late (grace passed, still payable), missed (the next occurrence came).</param>
/// <param name="TransactionIds">The expenses that paid it, all or part.</param>
public sealed record Occurrence(
    string ObligationId, string Name, string? BucketId, string Priority, DateOnly DueDate, DateOnly GraceUntil,
    Money AmountMin, Money AmountMax, Money Paid, Money Outstanding, string Status, IReadOnlyList<string> TransactionIds);

/// <summary>Sums over a month's occurrences.</summary>
public sealed record OccurrenceTotals(Money ExpectedMin, Money ExpectedMax, Money Paid, Money Outstanding);

/// <summary>What keeps a month from being covered.</summary>
/// <param name="Reason">unpaid (grace passed) or underfunded (still to come, and its bucket's remaining is short).</param>
public sealed record UncoveredItem(string ObligationId, string Name, DateOnly DueDate, Money Outstanding, string Reason);

/// <summary>
/// A month of obligations as of <paramref name="Today"/>. <paramref name="BudgetChecked"/> is false
/// when the budget pack was not loaded (occurrences still to come then count as covered).
/// </summary>
public sealed record ObligationMonth(
    Month Month, DateOnly Today, IReadOnlyList<Occurrence> Occurrences, OccurrenceTotals Totals,
    bool Covered, IReadOnlyList<UncoveredItem> Uncovered, bool BudgetChecked);

/// <summary>Month views for a range.</summary>
public sealed record ObligationMonthRange(Month From, Month To, IReadOnlyList<ObligationMonth> Months);

/// <summary>The wire values of occurrence statuses.</summary>
public static class OccurrenceStatus
{
    public const string Upcoming = "upcoming";
    public const string Due = "due";
    public const string Paid = "paid";
    public const string Late = "late";
    public const string Missed = "missed";
}
