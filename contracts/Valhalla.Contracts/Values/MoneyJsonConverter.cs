using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valhalla.Contracts.Values;

/// <summary>
/// Reads and writes <see cref="Money"/> as a JSON number with at most two decimals; reading refuses
/// amounts beyond <see cref="Money.MaxAmount"/> either way.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException("must be a number, e.g. 120.50.");
        }

        if (!Money.TryFromDecimal(value, out var money))
        {
            throw new JsonException("must have at most two decimals.");
        }

        return money.IsWithinCeiling
            ? money
            : throw new JsonException($"must be between -{Money.MaxAmount} and {Money.MaxAmount}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToDecimal());
}
