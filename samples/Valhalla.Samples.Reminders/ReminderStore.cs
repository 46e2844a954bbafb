using System.Globalization;
using Dapper;
using Valhalla.Contracts.Stores;

namespace Valhalla.Samples.Reminders;

/// <summary>
/// The reminders table: Dapper and SQL, no rules. Dates and timestamps are stored as ISO 8601 text
/// formatted here, so this pack needs no Dapper type handlers.
/// </summary>
public sealed class ReminderStore(IPackDatabase database)
{
    private const string Columns = "id, title, due, created_at";
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Stores a reminder; the write joins the database's next group commit.</summary>
    public Task<Reminder> AddAsync(string title, DateOnly due, DateTimeOffset createdAt, CancellationToken ct) =>
        database.WriteAsync(async (connection, tx, token) =>
        {
            const string sql = """
                INSERT INTO reminders (title, due, created_at)
                VALUES (@Title, @Due, @CreatedAt)
                RETURNING id
                """;
            var row = new { Title = title, Due = FormatDate(due), CreatedAt = createdAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture) };
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, row, tx, cancellationToken: token));
            return new Reminder(id, title, due, createdAt);
        }, ct);

    /// <summary>Every reminder, or those due strictly before <paramref name="dueBefore"/>, soonest first.</summary>
    public Task<IReadOnlyList<Reminder>> ListAsync(DateOnly? dueBefore, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Reminder>>(async (connection, token) =>
        {
            var query = dueBefore is { } before
                ? new CommandDefinition($"SELECT {Columns} FROM reminders WHERE due < @DueBefore ORDER BY due, id", new { DueBefore = FormatDate(before) }, cancellationToken: token)
                : new CommandDefinition($"SELECT {Columns} FROM reminders ORDER BY due, id", cancellationToken: token);
            var rows = await connection.QueryAsync<ReminderRow>(query);
            return [.. rows.Select(row => row.ToReminder())];
        }, ct);

    private static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A row as SQLite returns it.</summary>
    private sealed record ReminderRow(long Id, string Title, string Due, string CreatedAt)
    {
        public Reminder ToReminder() => new(
            Id,
            Title,
            DateOnly.ParseExact(Due, DateFormat, CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(CreatedAt, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }
}
