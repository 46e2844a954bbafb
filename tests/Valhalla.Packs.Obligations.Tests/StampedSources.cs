using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>A ledger built against contracts 1.4: its payments, stamped the way the transactions pack stamps them, and how often it was read.</summary>
public sealed class StampedLedger : IObligationPayments, ILedgerChangeStamps
{
    private readonly ChangeCounter _changes = new();

    public List<ObligationPayment> Payments { get; } = [];

    public int Reads { get; private set; }

    ChangeStamp ILedgerChangeStamps.Payments => _changes.Of("payments");

    public ChangeStamp Spending(string bucketId) => _changes.Of(bucketId);

    public ObligationPayment Pay(Obligation obligation, string date, decimal amount)
    {
        var payment = new ObligationPayment(obligation.Id, PrefixedId.New("tx"), DateOnly.Parse(date), Money.FromDecimal(amount));
        Payments.Add(payment);
        Touched(obligation.BucketId, payment: true);
        return payment;
    }

    public void Void(ObligationPayment payment, string? bucketId)
    {
        Payments.Remove(payment);
        Touched(bucketId, payment: true);
    }

    /// <summary>An expense in <paramref name="bucketId"/> that pays no obligation.</summary>
    public void Spend(string bucketId) => Touched(bucketId, payment: false);

    public Task<IReadOnlyList<ObligationPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> obligationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<ObligationPayment>>([.. Payments.Where(p => obligationIds.Contains(p.ObligationId) && p.Date >= from && p.Date <= to)]);
    }

    private void Touched(string? bucketId, bool payment)
    {
        if (bucketId is not null)
        {
            _changes.Touch(bucketId);
        }

        if (payment)
        {
            _changes.Touch("payments");
        }
    }
}

/// <summary>A budget built against contracts 1.4: remaining money per bucket, stamped on its own changes, and how often it was read.</summary>
public sealed class StampedBudget : IBucketBalances, IBudgetChangeStamps
{
    private readonly ChangeCounter _changes = new();

    /// <summary>Set directly when the ledger's spending moves it (the ledger stamps that); through <see cref="Allocate"/> for the budget's own changes.</summary>
    public Dictionary<string, Money> Remaining { get; } = [];

    public int Reads { get; private set; }

    public ChangeStamp Budget => _changes.Current;

    public void Allocate(string bucketId, decimal remaining)
    {
        Remaining[bucketId] = Money.FromDecimal(remaining);
        _changes.Touch();
    }

    public Task<IReadOnlyList<BucketBalance>> GetRemainingAsync(Month month, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<BucketBalance>>([.. Remaining.Select(r => new BucketBalance(r.Key, r.Value))]);
    }
}
