namespace Valhalla.Packs.Kit;

/// <summary>
/// Where one page of a long list sits, for its pager: <see cref="Offset"/> rows skipped, at most
/// <see cref="Limit"/> asked for, <see cref="Shown"/> shown, of <see cref="Total"/> that match.
/// </summary>
public sealed record PageWindow
{
    public PageWindow(int offset, int limit, int shown, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shown);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        (Offset, Limit, Shown, Total) = (offset, limit, shown, total);
    }

    public int Offset { get; }

    public int Limit { get; }

    public int Shown { get; }

    public int Total { get; }

    /// <summary>The offset of the page before, or null on the first; from past the end, the last page that has rows.</summary>
    public int? Previous => Offset == 0 ? null : Math.Max(0, Math.Min(Offset - Limit, LastPageOffset));

    /// <summary>The offset of the page after, or null when this page reaches the end.</summary>
    public int? Next => (long)Offset + Shown < Total ? Offset + Limit : null;

    /// <summary>The position (from 1) of the first row shown, 0 when none is.</summary>
    public int FirstShown => Shown == 0 ? 0 : Offset + 1;

    /// <summary>The position of the last row shown, 0 when none is.</summary>
    public int LastShown => Shown == 0 ? 0 : Offset + Shown;

    private int LastPageOffset => Total == 0 ? 0 : (Total - 1) / Limit * Limit;
}
