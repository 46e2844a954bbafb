namespace Valhalla.Contracts.Budget;

/// <summary>The bucket types, as written on the wire.</summary>
public static class BucketTypes
{
    /// <summary>Spending that obligation gating never blocks.</summary>
    public const string Essentials = "essentials";

    /// <summary>Every valid bucket type.</summary>
    public static IReadOnlyList<string> All { get; } = [Essentials, "variable", "sinking", "fun", "savings", "other"];
}
