using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Registry;

/// <summary>The registry list's paging, as the ledger's: limit 1–500 (default 50), offset from 0.</summary>
public readonly record struct PackPage(int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <exception cref="PackProblemException">A limit or offset out of range, naming it.</exception>
    public static PackPage Check(int? limit, int? offset) => new(
        limit is null ? DefaultLimit : limit is >= 1 and <= MaxLimit ? limit.Value : throw PackProblemException.BadField("limit", $"must be 1 to {MaxLimit}."),
        offset is null ? 0 : offset >= 0 ? offset.Value : throw PackProblemException.BadField("offset", "must be 0 or more."));
}
