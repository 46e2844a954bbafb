using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Services;

/// <summary>One occurrence of an obligation that keeps its month from being covered.</summary>
/// <param name="ObligationId">The obligation id (<c>ob_</c> + 12 hex).</param>
/// <param name="Name">Its display name, e.g. <c>Rent</c>.</param>
/// <param name="DueDate">The occurrence's due date.</param>
/// <param name="Outstanding">What is still to pay for it (its minimum amount less payments so far).</param>
/// <param name="Reason">
/// <c>unpaid</c> when its due date plus grace has passed without full payment; <c>underfunded</c>
/// when it is still to come and its bucket's remaining money this month is not enough.
/// </param>
public sealed record UncoveredObligation(string ObligationId, string Name, DateOnly DueDate, Money Outstanding, string Reason);
