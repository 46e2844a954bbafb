using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valhalla.Contracts.Values;

/// <summary>Reads and writes <see cref="Money"/> as a JSON number with at most two decimals.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException("must be a number, e.g. 120.50.");
        }

        return Money.TryFromDecimal(value, out var money)
            ? money
            : throw new JsonException("must have at most two decimals.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToDecimal());
}
