using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Valhalla.Contracts.Values;

/// <summary>
/// A calendar month, written <c>YYYY-MM</c> (<c>2026-01</c>). Parsing is strict: <c>2026-1</c>,
/// <c>2026-13</c> and <c>26-01</c> are refused.
/// </summary>
[JsonConverter(typeof(MonthJsonConverter))]
public readonly record struct Month : IComparable<Month>, IParsable<Month>
{
    private Month(int year, int number)
    {
        Year = year;
        Number = number;
    }

    /// <summary>The year, 1 to 9999.</summary>
    public int Year { get; }

    /// <summary>The month of the year, 1 to 12.</summary>
    public int Number { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Number, 1);

    /// <summary>The last day of the month.</summary>
    public DateOnly LastDay => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    /// <summary>Creates a month, checking its parts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 1..9999 or month outside 1..12.</exception>
    public static Month Of(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        return new Month(year, number);
    }

    /// <summary>The month a date falls in.</summary>
    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The current UTC month according to <paramref name="time"/>.</summary>
    public static Month Current(TimeProvider time) => Of(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>The first month there is: <c>0001-01</c>.</summary>
    public static Month MinValue => new(1, 1);

    /// <summary>The last month there is: <c>9999-12</c>.</summary>
    public static Month MaxValue => new(9999, 12);

    /// <summary>The month <paramref name="months"/> later (or earlier when negative).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would be before 0001-01 or after 9999-12.</exception>
    public Month AddMonths(int months) => Of(FirstDay.AddMonths(months));

    /// <summary>Whole months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(Month other) => (Year - other.Year) * 12 + (Number - other.Number);

    /// <summary>Parses <c>YYYY-MM</c> strictly.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out Month month)
    {
        month = default;
        if (s is not { Length: 7 } || s[4] != '-' || !IsDigits(s.AsSpan(0, 4)) || !IsDigits(s.AsSpan(5, 2)))
        {
            return false;
        }

        var year = int.Parse(s.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var number = int.Parse(s.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year < 1 || number is < 1 or > 12)
        {
            return false;
        }

        month = new Month(year, number);
        return true;
    }

    /// <summary>Parses <c>YYYY-MM</c> strictly.</summary>
    /// <exception cref="FormatException">The text is not a real month; the message names it.</exception>
    public static Month Parse(string s) =>
        TryParse(s, out var month) ? month : throw new FormatException($"'{s}' is not a month: expected YYYY-MM, e.g. 2026-01.");

    /// <inheritdoc />
    static Month IParsable<Month>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<Month>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Month result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public int CompareTo(Month other) => (Year, Number).CompareTo((other.Year, other.Number));

    /// <summary>Compares two months.</summary>
    public static bool operator <(Month left, Month right) => left.CompareTo(right) < 0;

    /// <summary>Compares two months.</summary>
    public static bool operator >(Month left, Month right) => left.CompareTo(right) > 0;

    /// <summary>Compares two months.</summary>
    public static bool operator <=(Month left, Month right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two months.</summary>
    public static bool operator >=(Month left, Month right) => left.CompareTo(right) >= 0;

    /// <summary><c>YYYY-MM</c>.</summary>
    public override string ToString() => $"{Year:D4}-{Number:D2}";

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
