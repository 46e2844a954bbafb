using System.Text.Json;
using System.Text.Json.Serialization;

namespace Valhalla.Contracts.Values;

/// <summary>Reads and writes <see cref="Month"/> as a <c>"YYYY-MM"</c> string.</summary>
public sealed class MonthJsonConverter : JsonConverter<Month>
{
    /// <inheritdoc />
    public override Month Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Month.TryParse(reader.GetString(), out var month)
            ? month
            : throw new JsonException("must be a month written YYYY-MM, e.g. 2026-01.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Month value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
