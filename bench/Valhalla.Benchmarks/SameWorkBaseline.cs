using Dapper;
using Microsoft.Data.Sqlite;
using Valhalla.Contracts.Stores;
using Valhalla.Packs.Transactions;

namespace Valhalla.Benchmarks;

/// <summary>
/// A second, target-less write baseline: a bare minimal API doing the database work that
/// <c>POST /core/transactions</c> must do — the bucket looked up in a budget file, then one INSERT of
/// the full row into the transactions pack's own schema (its migrations: the table and its four
/// indexes) in its own transaction with <c>synchronous=FULL</c> — without the host, the pack's rules,
/// group commit or the full JSON answer. Beside the bare baseline, it splits the gap between what the
/// schema and the bucket check cost and what the host and pack add.
/// </summary>
internal static class SameWorkBaseline
{
    public static async Task ServeAsync(string[] args, string ledgerFile, string budgetFile, string bucketId)
    {
        var ledger = new SqliteConnectionStringBuilder { DataSource = ledgerFile, Pooling = true }.ToString();
        var budget = new SqliteConnectionStringBuilder { DataSource = budgetFile, Pooling = true }.ToString();
        await CreateAsync(ledger, budget, bucketId);

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapPost("/core/transactions", async (BaselineTx tx) =>
        {
            await using (var lookup = new SqliteConnection(budget))
            {
                const string find = "SELECT bucket_type FROM buckets WHERE id = @BucketId AND status = 'active'";
                if (await lookup.QuerySingleOrDefaultAsync<string>(find, new { tx.BucketId }) is null)
                {
                    return Results.BadRequest();
                }
            }

            await using var connection = new SqliteConnection(ledger);
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
            await using var transaction = await connection.BeginTransactionAsync();
            var id = "tx_" + Guid.NewGuid().ToString("N")[..12];
            var now = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            const string insert = """
                INSERT INTO transactions (id, tx_type, amount, date, description, bucket_id, priority, links, status, created_at, updated_at)
                VALUES (@Id, @TxType, @Amount, @Date, NULL, @BucketId, 'B', NULL, 'posted', @Now, @Now)
                """;
            await connection.ExecuteAsync(insert, new { Id = id, tx.TxType, Amount = (long)(tx.Amount * 100), tx.Date, tx.BucketId, Now = now }, transaction);
            await transaction.CommitAsync();
            return Results.Created($"/core/transactions/{id}", new { id });
        });
        await app.RunAsync();
    }

    private static async Task CreateAsync(string ledger, string budget, string bucketId)
    {
        await using (var connection = new SqliteConnection(ledger))
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            foreach (var migration in Migration.FromEmbeddedResources(typeof(TransactionsPack).Assembly))
            {
                await connection.ExecuteAsync(migration.Sql);
            }
        }

        await using var lookup = new SqliteConnection(budget);
        await lookup.ExecuteAsync("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE buckets (id TEXT PRIMARY KEY, name TEXT NOT NULL, bucket_type TEXT NOT NULL, status TEXT NOT NULL);
            INSERT INTO buckets (id, name, bucket_type, status) VALUES (@Id, 'Groceries', 'variable', 'active');
            """, new { Id = bucketId });
    }
}
