using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>Which occurrence a payment pays, and each occurrence's status as of a day.</summary>
public sealed class PaymentsAndStatusTests
{
    // First due in March 2026: no earlier occurrence is open to take the payments.
    private static readonly Obligation Rent = Build("ob_aaaaaaaaaaaa", "Rent", 950m, 950m, day: 1, start: "2026-03-01");
    private static readonly Obligation Power = Build("ob_bbbbbbbbbbbb", "Power", 50m, 150m, day: 15, start: "2026-03-01");

    [Fact]
    public void Paying_early_counts_and_several_payments_add_up_to_the_minimum()
    {
        var march = Occurrence(Rent, [Pay(Rent, "2026-02-20", 500m, "tx_000000000001"), Pay(Rent, "2026-03-02", 450m, "tx_000000000002")], "2026-03", "2026-03-10");

        Assert.Equal((OccurrenceStatus.Paid, 95000L, 0L), (march.Status, march.Paid.MinorUnits, march.Outstanding.MinorUnits));
        Assert.Equal(["tx_000000000001", "tx_000000000002"], march.TransactionIds);
    }

    [Fact]
    public void A_range_is_paid_at_its_minimum()
    {
        var march = Occurrence(Power, [Pay(Power, "2026-03-14", 60m)], "2026-03", "2026-03-20");

        Assert.Equal((OccurrenceStatus.Paid, 0L), (march.Status, march.Outstanding.MinorUnits));
    }

    [Fact]
    public void A_payment_before_the_previous_due_date_pays_the_previous_occurrence_not_this_one()
    {
        var april = new[] { Pay(Rent, "2026-03-01", 950m) };

        Assert.Equal(OccurrenceStatus.Paid, Occurrence(Rent, april, "2026-03", "2026-03-10").Status);
        Assert.Equal(OccurrenceStatus.Upcoming, Occurrence(Rent, april, "2026-04", "2026-03-10").Status);
    }

    [Fact]
    public void A_late_payment_pays_the_oldest_open_occurrence_first()
    {
        var february = Build("ob_dddddddddddd", "Loan", 100m, 100m, day: 1, start: "2026-02-01");
        var late = new[] { Pay(february, "2026-02-20", 100m) };
        Assert.Equal(OccurrenceStatus.Paid, Occurrence(february, late, "2026-02", "2026-02-21").Status);
        Assert.Equal(OccurrenceStatus.Upcoming, Occurrence(february, late, "2026-03", "2026-02-21").Status);

        var payments = new[] { Pay(Rent, "2026-03-20", 950m) };

        Assert.Equal(OccurrenceStatus.Paid, Occurrence(Rent, payments, "2026-03", "2026-03-25").Status);
        var april = Occurrence(Rent, payments, "2026-04", "2026-04-02");
        Assert.Equal((OccurrenceStatus.Due, 0L), (april.Status, april.Paid.MinorUnits));
    }

    [Fact]
    public void More_than_the_maximum_goes_on_to_the_next_occurrence()
    {
        var payments = new[] { Pay(Rent, "2026-03-02", 1900m) };

        Assert.Equal(OccurrenceStatus.Paid, Occurrence(Rent, payments, "2026-03", "2026-03-02").Status);
        Assert.Equal(OccurrenceStatus.Paid, Occurrence(Rent, payments, "2026-04", "2026-03-02").Status);
    }

    [Theory]
    [InlineData("2026-02-28", OccurrenceStatus.Upcoming)]
    [InlineData("2026-03-01", OccurrenceStatus.Due)]
    [InlineData("2026-03-04", OccurrenceStatus.Due)]
    [InlineData("2026-03-05", OccurrenceStatus.Late)]
    [InlineData("2026-04-01", OccurrenceStatus.Late)]
    [InlineData("2026-04-02", OccurrenceStatus.Missed)]
    public void Status_follows_the_due_date_grace_and_next_occurrence(string today, string status)
    {
        var march = Occurrence(Rent, [], "2026-03", today);

        Assert.Equal((status, new DateOnly(2026, 3, 4)), (march.Status, march.GraceUntil));
    }

    [Fact]
    public void Payments_of_other_obligations_do_not_count()
    {
        Assert.Equal(OccurrenceStatus.Due, Occurrence(Rent, [Pay(Power, "2026-03-01", 950m)], "2026-03", "2026-03-02").Status);
    }

    private static Occurrence Occurrence(Obligation obligation, IEnumerable<ObligationPayment> payments, string month, string today)
    {
        var m = Month.Parse(month);
        return Assert.Single(OccurrenceCalculator.Occurrences(obligation, payments, m.FirstDay, m.LastDay, DateOnly.Parse(today)));
    }

    internal static ObligationPayment Pay(Obligation obligation, string date, decimal amount, string? tx = null) =>
        new(obligation.Id, tx ?? PrefixedId.New("tx"), DateOnly.Parse(date), Money.FromDecimal(amount));

    internal static Obligation Build(string id, string name, decimal min, decimal max, int day, string? bucket = null, string start = "2026-02-01") => new()
    {
        Id = id,
        Name = name,
        AmountMin = Money.FromDecimal(min),
        AmountMax = Money.FromDecimal(max),
        BucketId = bucket,
        Recurrence = new Recurrence { Frequency = RecurrenceValues.Monthly, Interval = 1, Day = day, StartDate = DateOnly.Parse(start) },
        GraceDays = 3,
        Priority = "A",
        Status = ObligationValues.Active,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
