using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Obligations;

/// <summary>A posted expense paying (part of) an obligation.</summary>
/// <param name="ObligationId">The obligation it names (<c>ob_</c> + 12 hex).</param>
/// <param name="TransactionId">The expense (<c>tx_</c> + 12 hex).</param>
/// <param name="Date">The expense's date.</param>
/// <param name="Amount">The amount paid.</param>
public sealed record ObligationPayment(string ObligationId, string TransactionId, DateOnly Date, Money Amount);
