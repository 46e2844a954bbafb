using System.Data;
using System.Text.Json;
using Dapper;

namespace Valhalla.Packs.Transactions;

/// <summary>Stores <see cref="TxLinks"/> as a JSON object in TEXT, with the wire's field names.</summary>
public sealed class LinksTypeHandler : SqlMapper.TypeHandler<TxLinks>
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public override void SetValue(IDbDataParameter parameter, TxLinks? value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value is null ? DBNull.Value : Serialize(value);
    }

    /// <summary>The stored text of <paramref name="value"/>, for a command written without Dapper.</summary>
    public static string Serialize(TxLinks value) => JsonSerializer.Serialize(value, Json);

    public override TxLinks? Parse(object value) => JsonSerializer.Deserialize<TxLinks>((string)value, Json);
}
