using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Values;
using static Valhalla.Packs.Obligations.Tests.PaymentsAndStatusTests;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>Which occurrence a payment pays at the edges: on the previous due date, exactly at the maximum, on the same day as another.</summary>
public sealed class CalculatorEdgeTests
{
    // First due 2026-03-01, monthly on the 1st.
    private static readonly Obligation Rent = Build("ob_aaaaaaaaaaaa", "Rent", 950m, 950m, day: 1, start: "2026-03-01");
    private static readonly Obligation Power = Build("ob_bbbbbbbbbbbb", "Power", 50m, 150m, day: 15, start: "2026-03-01");

    [Fact]
    public void A_payment_on_the_previous_due_date_is_too_early_for_the_next_occurrence()
    {
        ObligationPayment[] payments = [Pay(Rent, "2026-02-20", 950m, "tx_000000000001"), Pay(Rent, "2026-03-01", 950m, "tx_000000000002")];

        var april = Single(Rent, payments, "2026-04", "2026-03-10");

        Assert.Equal((OccurrenceStatus.Upcoming, 0L), (april.Status, april.Paid.MinorUnits));
        Assert.Empty(april.TransactionIds);
    }

    [Fact]
    public void An_occurrence_filled_to_its_maximum_takes_no_more_payments()
    {
        ObligationPayment[] payments = [Pay(Rent, "2026-02-20", 950m, "tx_000000000001"), Pay(Rent, "2026-03-02", 950m, "tx_000000000002")];

        var march = Single(Rent, payments, "2026-03", "2026-03-10");
        var april = Single(Rent, payments, "2026-04", "2026-03-10");

        Assert.Equal(["tx_000000000001"], march.TransactionIds);
        Assert.Equal((OccurrenceStatus.Paid, 95000L), (april.Status, april.Paid.MinorUnits));
        Assert.Equal(["tx_000000000002"], april.TransactionIds);
    }

    [Fact]
    public void A_payment_used_up_exactly_pays_nothing_further()
    {
        var april = Single(Rent, [Pay(Rent, "2026-03-02", 950m, "tx_000000000001")], "2026-04", "2026-03-10");

        Assert.Equal((0L, 0), (april.Paid.MinorUnits, april.TransactionIds.Count));
    }

    [Fact]
    public void Payments_on_the_same_day_are_taken_in_transaction_id_order()
    {
        ObligationPayment[] payments = [Pay(Power, "2026-03-16", 100m, "tx_bbbbbbbbbbbb"), Pay(Power, "2026-03-16", 100m, "tx_aaaaaaaaaaaa")];

        var march = Single(Power, payments, "2026-03", "2026-03-10");
        var april = Single(Power, payments, "2026-04", "2026-03-10");

        Assert.Equal((15000L, 5000L), (march.Paid.MinorUnits, april.Paid.MinorUnits));
        Assert.Equal(["tx_aaaaaaaaaaaa", "tx_bbbbbbbbbbbb"], march.TransactionIds);
        Assert.Equal(["tx_bbbbbbbbbbbb"], april.TransactionIds);
    }

    [Fact]
    public void A_payment_made_months_before_the_first_occurrence_pays_it()
    {
        var march = Single(Rent, [Pay(Rent, "2026-01-10", 950m, "tx_000000000001")], "2026-03", "2026-03-10");

        Assert.Equal((OccurrenceStatus.Paid, 95000L), (march.Status, march.Paid.MinorUnits));
        Assert.Equal(["tx_000000000001"], march.TransactionIds);
    }

    [Fact]
    public void A_month_long_after_the_start_settles_earlier_occurrences_but_lists_only_its_own()
    {
        // September is the seventh occurrence: the two before it are settled first, and none after it is listed.
        ObligationPayment[] payments = [Pay(Rent, "2026-07-01", 950m, "tx_000000000001"), Pay(Rent, "2026-08-02", 1900m, "tx_000000000002")];

        var september = Single(Rent, payments, "2026-09", "2026-09-10");

        Assert.Equal(new DateOnly(2026, 9, 1), september.DueDate);
        Assert.Equal(OccurrenceStatus.Paid, september.Status);
        Assert.Equal(["tx_000000000002"], september.TransactionIds);
    }

    [Fact]
    public void The_payment_window_of_a_first_occurrence_is_open_before_it()
    {
        Assert.Equal((DateOnly.MinValue, new DateOnly(2026, 4, 1)), OccurrenceCalculator.PaymentWindow(Rent, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void The_payment_window_starts_at_the_due_date_before_the_settled_occurrences()
    {
        // May is index 4; the lookback settles from March (index 2), which takes payments after 1 February.
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 1)), OccurrenceCalculator.PaymentWindow(
            Build("ob_cccccccccccc", "Loan", 10m, 10m, day: 1, start: "2026-01-01"), new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)));
    }

    [Fact]
    public void The_payment_window_of_an_ending_obligation_runs_to_the_end_of_time()
    {
        var ending = Build("ob_cccccccccccc", "Loan", 10m, 10m, day: 1, start: "2026-03-01") with
        {
            Recurrence = RecurrenceRules.Parse(new("monthly", Day: 1, StartDate: "2026-03-01", EndDate: "2026-03-31")),
        };

        Assert.Equal((DateOnly.MinValue, DateOnly.MaxValue), OccurrenceCalculator.PaymentWindow(ending, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void An_obligation_with_no_occurrence_in_the_range_has_no_window_and_no_occurrences()
    {
        var from = new DateOnly(2026, 2, 1);
        var to = new DateOnly(2026, 2, 28);

        Assert.Null(OccurrenceCalculator.PaymentWindow(Rent, from, to));
        Assert.Empty(OccurrenceCalculator.Occurrences(Rent, [Pay(Rent, "2026-02-01", 950m)], from, to, new DateOnly(2026, 3, 10)));
    }

    [Fact]
    public void An_occurrence_carries_its_obligation_and_amounts()
    {
        var water = Build("ob_dddddddddddd", "Water", 40m, 60m, day: 20, bucket: "bk_aaaaaaaaaaaa", start: "2026-03-01") with { Priority = "B" };

        var march = Single(water, [Pay(water, "2026-03-19", 30m, "tx_000000000001")], "2026-03", "2026-03-10");

        Assert.Equal((water.Id, "Water", "bk_aaaaaaaaaaaa", "B", new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 23)),
            (march.ObligationId, march.Name, march.BucketId, march.Priority, march.DueDate, march.GraceUntil));
        Assert.Equal((4000L, 6000L, 3000L, 1000L), (march.AmountMin.MinorUnits, march.AmountMax.MinorUnits, march.Paid.MinorUnits, march.Outstanding.MinorUnits));
    }

    private static Occurrence Single(Obligation obligation, IEnumerable<ObligationPayment> payments, string month, string today)
    {
        var m = Month.Parse(month);
        return Assert.Single(OccurrenceCalculator.Occurrences(obligation, payments, m.FirstDay, m.LastDay, DateOnly.Parse(today)));
    }
}
