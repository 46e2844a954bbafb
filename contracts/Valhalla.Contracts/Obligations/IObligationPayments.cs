namespace Valhalla.Contracts.Obligations;

/// <summary>
/// What the transactions pack offers the obligations pack: the posted, not voided expenses that
/// name an obligation in <c>links.obligation_id</c>. When no pack exports it, no payment is known
/// and every occurrence shows as unpaid.
/// </summary>
public interface IObligationPayments
{
    /// <summary>
    /// The payments of the obligations in <paramref name="obligationIds"/> dated from
    /// <paramref name="from"/> to <paramref name="to"/> inclusive, by date.
    /// </summary>
    Task<IReadOnlyList<ObligationPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> obligationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
