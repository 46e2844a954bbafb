using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>The ledger's rules: posting (bucket check, obligation gating, idempotency), voiding, listing. No HTTP, no SQL.</summary>
public sealed class TransactionService(TransactionStore store, IPackServices packs, MoneyEvents events, TimeProvider time)
{
    /// <summary>How long an Idempotency-Key replays its transaction; after that the key is free again.</summary>
    public static readonly TimeSpan IdempotencyKeyLifetime = TimeSpan.FromDays(30);

    /// <summary>Expired keys are purged on a write at most this often, at most <see cref="PurgeBatch"/> at a time.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    public const int PurgeBatch = 1000;

    private long _nextPurgeTicks;

    public async Task<Posted> PostAsync(PostTransaction input, string? idempotencyKey, CancellationToken ct)
    {
        var now = Timestamps.Now(time);
        var transaction = new Transaction
        {
            Id = PrefixedId.New("tx"),
            TxType = TransactionRules.TxType(input.TxType),
            Amount = TransactionRules.Amount(input.Amount),
            Date = TransactionRules.Date(input.Date),
            Description = TransactionRules.Description(input.Description),
            BucketId = TransactionRules.BucketId(input.BucketId),
            Priority = Priority.Parse(input.Priority ?? "B").Code,
            Links = input.Links,
            Status = TxValues.PostedStatus,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var requestHash = idempotencyKey is null ? null : Hash(transaction);
        var keysNotBefore = now - IdempotencyKeyLifetime;
        if (idempotencyKey is not null && await store.FindByKeyAsync(idempotencyKey, keysNotBefore, ct) is { } earlier)
        {
            return Replay(earlier.RequestHash, requestHash, earlier.Transaction);
        }

        var bucketType = await CheckBucketAsync(transaction.BucketId, ct);
        await CheckObligationsAsync(transaction, bucketType, ct);

        var posted = events.Create("transaction.posted", transaction.Id, transaction.Amount, $"{transaction.TxType} {transaction.Date:yyyy-MM-dd}");
        var (inserted, storedHash, stored) = await store.InsertAsync(transaction, idempotencyKey, requestHash, keysNotBefore, posted, ct);
        if (!inserted)
        {
            return Replay(storedHash, requestHash, stored);
        }

        await PurgeExpiredKeysAsync(now, ct);
        return new Posted(stored, Replayed: false);
    }

    public async Task<Transaction> GetAsync(string id, CancellationToken ct) =>
        await store.FindAsync(id, ct) ?? throw PackProblemException.NotFound("transaction", id);

    public async Task<Transaction> VoidAsync(string id, VoidTransaction? input, CancellationToken ct)
    {
        var reason = TransactionRules.Reason(input?.Reason);
        var now = Timestamps.Now(time);
        var before = await store.VoidAsync(id, reason, now, t => events.Create("transaction.voided", id, t.Amount, reason), ct)
            ?? throw PackProblemException.NotFound("transaction", id);
        if (before.Status != TxValues.PostedStatus)
        {
            throw PackProblemException.Conflict("The transaction is already void.", $"Transaction '{id}' was voided at {Timestamps.Format(before.VoidedAt!.Value)}.");
        }

        return before with { Status = TxValues.VoidStatus, VoidReason = reason, VoidedAt = now, UpdatedAt = now };
    }

    public async Task<TransactionPage> ListAsync(TransactionFilter filter, CancellationToken ct)
    {
        var (items, total) = await store.ListAsync(filter, ct);
        return new TransactionPage(items, total, filter.Limit, filter.Offset);
    }

    /// <summary>The bucket's type when the budget pack is loaded; without it, bucket ids are not checked.</summary>
    private async Task<string?> CheckBucketAsync(string? bucketId, CancellationToken ct)
    {
        if (bucketId is null || packs.Find<IBucketDirectory>() is not { } buckets)
        {
            return null;
        }

        var bucket = await buckets.FindAsync(bucketId, ct) ?? throw PackProblemException.BadField("bucket_id", $"no bucket has id '{bucketId}'.");
        return bucket.IsActive ? bucket.BucketType : throw PackProblemException.BadField("bucket_id", $"bucket '{bucket.Name}' is archived; post to an active bucket.");
    }

    /// <summary>
    /// The seed's gating: while this month's obligations are not covered, an expense of priority C or
    /// D waits, unless it is for an essentials bucket. Income is never gated, nor an expense that pays
    /// an obligation (it is what covers them); no provider, no gate.
    /// </summary>
    private async Task CheckObligationsAsync(Transaction transaction, string? bucketType, CancellationToken ct)
    {
        if (!ObligationGate.Applies(transaction.TxType, transaction.Priority, bucketType, transaction.Links)
            || packs.Find<IObligationsStatus>() is not { } obligations)
        {
            return;
        }

        var month = Month.Of(transaction.Date);
        var coverage = await obligations.GetCoverageAsync(month, ct);
        if (!coverage.Covered)
        {
            var named = coverage.Uncovered.Select(u => $"{u.Name} (due {u.DueDate:yyyy-MM-dd}, {u.Outstanding} outstanding, {u.Reason})").ToList();
            throw new PackProblemException(StatusCodes.Status409Conflict, "Obligations come first.",
                $"The obligations of {month} are not covered yet{(named.Count == 0 ? "" : ": " + string.Join("; ", named))}, so a priority {transaction.Priority} expense is refused. " +
                "Cover the obligations first, post it with priority A or B, or post it to an essentials bucket.")
            {
                Extensions = new Dictionary<string, object?> { ["uncovered"] = coverage.Uncovered },
            };
        }
    }

    /// <summary>
    /// Cheap and bounded: at most once per <see cref="PurgeInterval"/>, on a write, at most
    /// <see cref="PurgeBatch"/> keys; a full batch means more may wait, so the next write purges again.
    /// </summary>
    private async Task PurgeExpiredKeysAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Concurrent posts: only the one that moves the due time on purges.
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeInterval).UtcTicks, due) != due)
        {
            return;
        }

        if (await store.PurgeKeysAsync(now - IdempotencyKeyLifetime, PurgeBatch, ct) >= PurgeBatch)
        {
            Interlocked.Exchange(ref _nextPurgeTicks, now.UtcTicks);
        }
    }

    private static Posted Replay(string? storedHash, string? requestHash, Transaction earlier) =>
        storedHash == requestHash
            ? new Posted(earlier, Replayed: true)
            : throw new PackProblemException(422, "The Idempotency-Key was used for another request.",
                $"This key already posted transaction '{earlier.Id}' with a different body. Use a new key for a new transaction.");

    // What the client asked for, without the fields the server chose (id, timestamps).
    private static string Hash(Transaction t) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new { t.TxType, t.Amount.MinorUnits, t.Date, t.Description, t.BucketId, t.Priority, t.Links }))));
}
