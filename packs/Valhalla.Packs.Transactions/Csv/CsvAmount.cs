using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// An amount cell read exactly into minor units: an optional sign, digits, and at most two decimals
/// after the chosen separator (<c>-1234.5</c>, <c>12,30</c>). No thousands separators, exponents or
/// currency signs: a cell that is not plainly a number is an error, never a guess.
/// </summary>
public static class CsvAmount
{
    // Enough digits for the ceiling (999,999,999.99) and a few leading zeros; more cannot be an amount.
    private const int MaxDigits = 15;

    public static bool TryParse(ReadOnlySpan<char> text, char decimalSeparator, out Money amount)
    {
        amount = default;
        text = text.Trim();
        var negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            text = text[1..];
        }

        var separator = text.IndexOf(decimalSeparator);
        var whole = separator < 0 ? text : text[..separator];
        var fraction = separator < 0 ? [] : text[(separator + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || fraction.Length > 2 || (separator >= 0 && fraction.Length == 0)
            || whole.Length > MaxDigits || !AllDigits(whole) || !AllDigits(fraction))
        {
            return false;
        }

        long minor = 0;
        foreach (var digit in whole)
        {
            minor = (minor * 10) + (digit - '0');
        }

        minor *= Money.MinorPerMajor;
        minor += fraction.Length switch
        {
            0 => 0,
            1 => (fraction[0] - '0') * 10,
            _ => ((fraction[0] - '0') * 10) + (fraction[1] - '0'),
        };
        amount = new Money(negative ? -minor : minor);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
