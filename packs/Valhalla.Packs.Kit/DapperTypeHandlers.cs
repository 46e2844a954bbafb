using System.Data;
using System.Globalization;
using Dapper;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Registers how the shared value types are stored: <see cref="Money"/> as INTEGER minor units,
/// <see cref="Month"/> as TEXT <c>YYYY-MM</c>, <see cref="DateTimeOffset"/> as invariant ISO 8601
/// UTC TEXT and <see cref="DateOnly"/> as TEXT <c>YYYY-MM-DD</c>, so text sorts chronologically.
/// It also maps snake_case columns onto PascalCase members by convention (<c>bucket_id</c> →
/// <c>BucketId</c>), so queries name columns as the schema does, without <c>AS</c> aliases.
/// Dapper's handlers and settings are static state of the Dapper copy in each pack's load context,
/// so every pack calls <see cref="Register"/> from its own <c>ConfigureServices</c>.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Dapper writes built-in types itself unless their type map entry is removed; without this the
        // provider's own text format ("2026-01-05 10:00:00+00:00") would be stored for DateTimeOffset.
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new MoneyHandler());
        SqlMapper.AddTypeHandler(new MonthHandler());
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class MoneyHandler : SqlMapper.TypeHandler<Money>
    {
        public override void SetValue(IDbDataParameter parameter, Money value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.MinorUnits;
        }

        public override Money Parse(object value) => new(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private sealed class MonthHandler : SqlMapper.TypeHandler<Month>
    {
        public override void SetValue(IDbDataParameter parameter, Month value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString();
        }

        public override Month Parse(object value) => Month.Parse((string)value);
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Timestamps.Format(value);
        }

        public override DateTimeOffset Parse(object value) => Timestamps.Parse((string)value);
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) =>
            DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
