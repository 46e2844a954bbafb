using System.Globalization;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Kit;

/// <summary>Reads what people type into HTML forms, with the same rules as the JSON API: money has at most two decimals.</summary>
public static class FormValues
{
    /// <summary>
    /// <paramref name="text"/> as money, e.g. <c>12.50</c> (a comma as the decimal mark is accepted too);
    /// an <see cref="PackProblemException"/> naming <paramref name="field"/> otherwise.
    /// </summary>
    public static Money Money(string? text, string field)
    {
        var trimmed = (text ?? "").Trim().Replace(',', '.');
        if (trimmed.Length == 0)
        {
            throw PackProblemException.BadField(field, "enter an amount, e.g. 12.50.");
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !Contracts.Values.Money.TryFromDecimal(value, out var money))
        {
            throw PackProblemException.BadField(field, $"'{text}' is not an amount with at most two decimals, e.g. 12.50.");
        }

        return money;
    }

    /// <summary>The trimmed value, or null when it is empty.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
