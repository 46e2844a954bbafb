using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The name of an imported row, so that a file imported twice creates nothing new: the bank's own id
/// when a column holds one, else a hash of what the row says — date, signed amount, description — and
/// its occurrence among identical rows of the file (two coffees of 3.20 on one day are two rows).
/// </summary>
public static class ImportIds
{
    public const int MaxLength = 200;

    private const string HashPrefix = "h_";

    /// <summary>The bank's id as given, trimmed; null when the cell is empty.</summary>
    public static string? FromColumn(string text)
    {
        var id = text.Trim();
        if (id.Length == 0)
        {
            return null;
        }

        return id.Length > MaxLength ? throw PackProblemException.BadField("import_id", $"must be at most {MaxLength} characters.") : FreeText.Line("import_id", id);
    }

    /// <summary>
    /// A stable hash: the same row text gives the same id in every file and on every machine.
    /// <paramref name="signedMinorUnits"/> is negative for an expense, so income and expense differ.
    /// </summary>
    public static string Hash(DateOnly date, long signedMinorUnits, string? description, int occurrence)
    {
        var text = string.Join('\n',
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            signedMinorUnits.ToString(CultureInfo.InvariantCulture),
            description ?? "",
            occurrence.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return HashPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
