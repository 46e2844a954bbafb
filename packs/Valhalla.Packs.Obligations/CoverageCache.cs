using System.Collections.Concurrent;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations;

/// <summary>
/// Coverage per (month, today), kept while the stamps of everything it was computed from are unchanged,
/// so the ledger's gate costs a few comparisons instead of three reads. Stamps are read before computing
/// and sources move them on after each commit, so an entry can be older than the data, never newer: a
/// write racing a computation leaves an entry that no longer matches. Holds contract types only, never
/// another pack's objects, so it pins no other pack in memory.
/// </summary>
public sealed class CoverageCache
{
    private const int MaxEntries = 32;
    private readonly ConcurrentDictionary<(Month Month, DateOnly Today), Entry> _entries = new();

    /// <summary>The coverage stored for <paramref name="month"/> and <paramref name="today"/> when nothing it depends on changed since.</summary>
    public ObligationsCoverage? Find(Month month, DateOnly today, CoverageStamps now, ILedgerChangeStamps? ledger) =>
        _entries.TryGetValue((month, today), out var entry) && entry.Stamps == now
            && entry.Spending.All(s => ledger is not null && ledger.Spending(s.Key) == s.Value)
            ? entry.Coverage
            : null;

    /// <param name="spending">The spending stamps of the buckets whose remaining money the computation read, read before it read them.</param>
    public void Store(Month month, DateOnly today, CoverageStamps stamps, IReadOnlyDictionary<string, ChangeStamp> spending, ObligationsCoverage coverage)
    {
        foreach (var key in _entries.Keys.Where(k => k.Today != today))
        {
            _entries.TryRemove(key, out _);
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(month, today)] = new Entry(stamps, spending, coverage);
    }

    private sealed record Entry(CoverageStamps Stamps, IReadOnlyDictionary<string, ChangeStamp> Spending, ObligationsCoverage Coverage);
}
