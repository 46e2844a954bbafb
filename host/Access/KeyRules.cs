using System.Text.RegularExpressions;

namespace Valhalla.Host.Access;

/// <summary>What a key's name and pack restriction may be; shared by the REST routes and the <c>keys</c> command.</summary>
internal static partial class KeyRules
{
    public const int MaxPacks = 32;

    /// <summary>The problem with a new key's fields as (field, message), or null when they are fine.</summary>
    public static (string Field, string Message)? Check(string name, IReadOnlyList<string> packs)
    {
        if (!Name().IsMatch(name))
        {
            return ("name", "must be 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        if (packs.Count > MaxPacks)
        {
            return ("packs", $"may name at most {MaxPacks} pack codes or tags.");
        }

        return packs.FirstOrDefault(p => !PackName().IsMatch(p)) is { } bad
            ? ("packs", $"'{bad}' is not a pack code or tag (1 to 64 letters, digits, '.', '_' or '-').")
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex PackName();
}
