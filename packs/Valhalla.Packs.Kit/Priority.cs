using Valhalla.Contracts;

namespace Valhalla.Packs.Kit;

/// <summary>
/// How much a bucket, transaction or obligation matters, A (most) to D (least); the ledger holds
/// back C and D spending while the month's obligations are not covered. Parsed once at the edge,
/// so every pack accepts the same four letters with the same problem.
/// </summary>
public readonly record struct Priority
{
    public static readonly Priority A = new("A");
    public static readonly Priority B = new("B");
    public static readonly Priority C = new("C");
    public static readonly Priority D = new("D");

    private Priority(string code) => Code = code;

    /// <summary>The letter as stored and sent on the wire.</summary>
    public string Code { get; }

    /// <summary>C or D: spending that waits for the obligations.</summary>
    public bool IsDiscretionary => Code is "C" or "D";

    /// <summary>The priority <paramref name="text"/> names; a 400 naming <paramref name="field"/> otherwise.</summary>
    public static Priority Parse(string? text, string field = "priority") => text switch
    {
        "A" => A,
        "B" => B,
        "C" => C,
        "D" => D,
        _ => throw PackProblemException.BadField(field, "must be one of A, B, C, D."),
    };

    public override string ToString() => Code;
}
