using Dapper;
using Microsoft.Data.Sqlite;

namespace Valhalla.Benchmarks;

/// <summary>
/// What the outbox costs writes: POST /core/transactions throughput at 1 and at 64 clients on the host
/// as shipped (each posted expense also inserts its money event into the transactions pack's outbox,
/// which the host delivers to the audit pack and then deletes) against a second, identical host whose
/// copy of the transactions database drops outbox inserts. Rounds alternate between the two.
/// Budget: the outbox costs at most 15% at 1 client and at most 10% at 64.
/// </summary>
/// <remarks>
/// "Without" touches nothing shipped: only in the benchmark's own data folder, a trigger on the outbox
/// table (<see cref="DropOutboxSql"/>) abandons each insert, so no row, index entry, delivery or
/// delete happens. The pack still sends its INSERT, so the figure slightly understates the cost.
/// </remarks>
internal static class OutboxCost
{
    private const string DropOutboxSql = "CREATE TRIGGER bench_no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(IGNORE); END;";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly string[] Packs = ["Valhalla.Packs.Budget", "Valhalla.Packs.Transactions", "Valhalla.Packs.Audit"];

    public static async Task RunAsync(Options options, Report report)
    {
        await MeasureAsync(options, report, [], "");

        // At 64 clients the shipped host sits exactly at the default Valhalla:PackConcurrencyLimit (64),
        // and the dispatcher holds a place in the transactions pack's gate while it delivers and deletes
        // events, so some requests are answered 503. Without the limit, the same comparison isolates the
        // cost of the outbox's writes from that.
        await MeasureAsync(options, report, ["--Valhalla:PackConcurrencyLimit=0"], ", no pack concurrency limit");
    }

    private static async Task MeasureAsync(Options options, Report report, string[] hostArgs, string label)
    {
        using var shipped = new ValhallaInstance().WithPacks(Packs);
        using var without = new ValhallaInstance().WithPacks(Packs);
        var shippedBucket = await PrepareAsync(shipped);
        var withoutBucket = await PrepareAsync(without);
        await using (var connection = new SqliteConnection($"Data Source={Ledger(without)}"))
        {
            await connection.ExecuteAsync(DropOutboxSql);
        }

        await using var shippedHost = await shipped.StartAsync(hostArgs);
        await using var withoutHost = await without.StartAsync(hostArgs);
        using var shippedClient = shipped.Client(shippedHost, WritePath.Handler());
        using var withoutClient = without.Client(withoutHost, WritePath.Handler());

        foreach (var clients in new[] { 1, 64 })
        {
            await LoadGenerator.RunAsync(shippedClient, clients, WarmUp, i => WritePath.Expense(i, shippedBucket));
            await LoadGenerator.RunAsync(withoutClient, clients, WarmUp, i => WritePath.Expense(i, withoutBucket));
            var shippedWrites = new List<LoadGenerator.Result>();
            var withoutWrites = new List<LoadGenerator.Result>();
            for (var round = 0; round < options.Rounds; round++)
            {
                shippedWrites.Add(await LoadGenerator.RunAsync(shippedClient, clients, options.Duration, i => WritePath.Expense(i, shippedBucket)));
                withoutWrites.Add(await LoadGenerator.RunAsync(withoutClient, clients, options.Duration, i => WritePath.Expense(i, withoutBucket)));
            }

            report.AddThroughput($"outbox, write, {clients} client(s){label}, with vs without outbox writes", shippedWrites, withoutWrites, clients == 1 ? 0.85 : 0.90);
            report.AddNote($"Outbox, {clients} client(s){label}: {withoutWrites.Sum(r => r.Failed)} writes failed on the host without outbox writes.");
        }

        report.AddNote($"Outbox{label}: after the run, {await CountAsync(shipped, "outbox")} events waited in the shipped host's outbox of "
            + $"{await CountAsync(shipped, "transactions")} transactions; the host without outbox writes kept {await CountAsync(without, "outbox")} of "
            + $"{await CountAsync(without, "transactions")}.");
    }

    /// <summary>Migrates the instance's databases and creates the bucket the writes go to.</summary>
    private static async Task<string> PrepareAsync(ValhallaInstance valhalla)
    {
        await using var host = await valhalla.StartAsync();
        using var client = valhalla.Client(host);
        return await ValhallaInstance.CreateBucketAsync(client, "Groceries");
    }

    private static string Ledger(ValhallaInstance valhalla) => Path.Combine(valhalla.Root, "transactions", "transactions.db");

    private static async Task<long> CountAsync(ValhallaInstance valhalla, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Ledger(valhalla)};Mode=ReadOnly");
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }
}
