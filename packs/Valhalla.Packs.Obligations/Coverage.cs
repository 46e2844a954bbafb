using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations;

/// <summary>
/// Covered(month) as of today, pure. A past month is covered when every occurrence in it was paid.
/// Otherwise, every occurrence whose due date plus grace has passed must be paid, and, when the
/// budget's remaining money is known, each bucket that occurrences still to come draw on must have
/// at least what they still need this month. Without the budget, occurrences still to come count as
/// covered.
/// </summary>
public static class Coverage
{
    public const string Unpaid = "unpaid";
    public const string Underfunded = "underfunded";

    /// <param name="remaining">Each active bucket's remaining money in <paramref name="month"/>; null without the budget pack.</param>
    public static IReadOnlyList<UncoveredItem> Uncovered(
        Month month, IReadOnlyList<Occurrence> occurrences, DateOnly today, IReadOnlyDictionary<string, Money>? remaining)
    {
        var open = occurrences.Where(o => o.Status != OccurrenceStatus.Paid).ToList();
        if (month < Month.Of(today))
        {
            return [.. open.Select(o => Item(o, Unpaid))];
        }

        var uncovered = open.Where(o => o.GraceUntil < today).Select(o => Item(o, Unpaid)).ToList();
        if (remaining is not null)
        {
            var toCome = open.Where(o => o.GraceUntil >= today && o.BucketId is not null).GroupBy(o => o.BucketId!);
            foreach (var bucket in toCome)
            {
                var needed = bucket.Aggregate(Money.Zero, (sum, o) => sum + o.Outstanding);
                if (remaining.GetValueOrDefault(bucket.Key) < needed)
                {
                    uncovered.AddRange(bucket.Select(o => Item(o, Underfunded)));
                }
            }
        }

        return [.. uncovered.OrderBy(u => u.DueDate).ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static UncoveredItem Item(Occurrence o, string reason) => new(o.ObligationId, o.Name, o.DueDate, o.Outstanding, reason);
}
