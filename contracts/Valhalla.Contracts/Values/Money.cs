using System.Globalization;
using System.Text.Json.Serialization;

namespace Valhalla.Contracts.Values;

/// <summary>
/// An exact amount of money in integer minor units (cents). On the wire it is a JSON number with
/// at most two decimals (<c>120.5</c>) and at most <see cref="MaxAmount"/> either way; reading
/// anything else fails with a message naming the field.
/// </summary>
/// <remarks>
/// The ceiling is there so that every sum a pack makes of amounts fits in 64 bits with room to
/// spare: 92,233,720 amounts at the ceiling still add up without overflow, and the arithmetic
/// operators are checked, so a sum that could not be held throws rather than wraps.
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long MinorUnits) : IComparable<Money>
{
    /// <summary>Minor units per major unit.</summary>
    public const int MinorPerMajor = 100;

    /// <summary>The ceiling of one amount read from the wire, in minor units: 999,999,999.99.</summary>
    public const long MaxAmountMinorUnits = 99_999_999_999;

    /// <summary>The ceiling of one amount read from the wire: 999,999,999.99 (and its negative the floor).</summary>
    public static Money MaxAmount => new(MaxAmountMinorUnits);

    /// <summary>No money.</summary>
    public static Money Zero => default;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>True when the amount is between −<see cref="MaxAmount"/> and <see cref="MaxAmount"/>.</summary>
    public bool IsWithinCeiling => MinorUnits is >= -MaxAmountMinorUnits and <= MaxAmountMinorUnits;

    /// <summary>
    /// Converts <paramref name="value"/> when it has at most two decimals and fits in minor units.
    /// </summary>
    public static bool TryFromDecimal(decimal value, out Money money)
    {
        money = default;
        if (decimal.Round(value, 2) != value)
        {
            return false;
        }

        var minor = value * MinorPerMajor;
        if (minor < long.MinValue || minor > long.MaxValue)
        {
            return false;
        }

        money = new Money((long)minor);
        return true;
    }

    /// <summary>Converts <paramref name="value"/>, failing loudly when it has more than two decimals.</summary>
    /// <exception cref="FormatException">The value has more than two decimals or is out of range.</exception>
    public static Money FromDecimal(decimal value) =>
        TryFromDecimal(value, out var money)
            ? money
            : throw new FormatException($"'{value.ToString(CultureInfo.InvariantCulture)}' is not an amount of money: use at most two decimals.");

    /// <summary>The amount in major units, exactly.</summary>
    public decimal ToDecimal() => (decimal)MinorUnits / MinorPerMajor;

    /// <inheritdoc />
    public int CompareTo(Money other) => MinorUnits.CompareTo(other.MinorUnits);

    /// <summary>Adds two amounts.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.MinorUnits + right.MinorUnits));

    /// <summary>Subtracts two amounts.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.MinorUnits - right.MinorUnits));

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money value) => new(checked(-value.MinorUnits));

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Money left, Money right) => left.MinorUnits < right.MinorUnits;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Money left, Money right) => left.MinorUnits > right.MinorUnits;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Money left, Money right) => left.MinorUnits <= right.MinorUnits;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Money left, Money right) => left.MinorUnits >= right.MinorUnits;

    /// <summary>The amount in major units with two decimals, invariant culture: <c>120.50</c>.</summary>
    public override string ToString() => ToDecimal().ToString("0.00", CultureInfo.InvariantCulture);
}
