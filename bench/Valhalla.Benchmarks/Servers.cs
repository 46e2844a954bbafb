using Dapper;
using Microsoft.Data.Sqlite;
using Valhalla.Packs.Transactions;

namespace Valhalla.Benchmarks;

/// <summary>The baselines, served by this same executable in a separate process.</summary>
internal static class Servers
{
    /// <summary>
    /// A bare minimal API doing one Dapper INSERT per request in its own transaction on a SQLite file
    /// with Valhalla's pragmas (WAL, synchronous=FULL): what a straightforward service would do.
    /// </summary>
    public static async Task ServeBaselineAsync(string[] args, string databaseFile)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = true }.ToString();
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.ExecuteAsync("""
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS transactions (id TEXT PRIMARY KEY, tx_type TEXT NOT NULL, amount INTEGER NOT NULL,
                    date TEXT NOT NULL, bucket_id TEXT, created_at TEXT NOT NULL);
                """);
        }

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapPost("/core/transactions", async (BaselineTx tx) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
            await using var transaction = await connection.BeginTransactionAsync();
            var id = "tx_" + Guid.NewGuid().ToString("N")[..12];
            await connection.ExecuteAsync(
                "INSERT INTO transactions (id, tx_type, amount, date, bucket_id, created_at) VALUES (@Id, @TxType, @Amount, @Date, @BucketId, @CreatedAt)",
                new { Id = id, tx.TxType, Amount = (long)(tx.Amount * 100), tx.Date, tx.BucketId, CreatedAt = DateTimeOffset.UnixEpoch.ToString("O") }, transaction);
            await transaction.CommitAsync();
            return Results.Created($"/core/transactions/{id}", new { id });
        });
        await app.RunAsync();
    }

    /// <summary>
    /// The raw spent aggregate behind a bare minimal API: <c>GET /spent?month=</c> runs
    /// <see cref="TransactionStore.SpentSql"/> on a pooled read-only connection and answers the rows as
    /// JSON, with no buckets, no snapshot arithmetic and no pack machinery.
    /// </summary>
    public static async Task ServeRawReadAsync(string[] args, string ledgerFile)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = ledgerFile, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapGet("/spent", async (string month) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var rows = await connection.QueryAsync<(string BucketId, string Month, long Spent)>(TransactionStore.SpentSql, new { From = month, To = month });
            return Results.Ok(rows.Select(r => new RawSpend(r.BucketId, r.Month, r.Spent / 100m)).ToList());
        });
        await app.RunAsync();
    }

    /// <summary>An empty ASP.NET Core app answering one route: the start-up floor.</summary>
    public static Task ServeEmptyAsync(string[] args)
    {
        var app = WebApplication.CreateSlimBuilder(args).Build();
        app.MapGet("/health", () => "ok");
        return app.RunAsync();
    }
}

internal sealed record RawSpend(string BucketId, string Month, decimal Spent);

internal sealed record BaselineTx(string TxType, decimal Amount, string Date, string? BucketId);
