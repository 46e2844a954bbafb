using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>The position of each field in a file's header, or -1 when the file does not have it.</summary>
public sealed record CsvColumns(int Date, int Amount, int Description, int Bucket, int Type, int Priority, int Id, int Status, int Links)
{
    /// <summary>Finds each chosen column in <paramref name="headers"/> (case and surrounding spaces ignored); a column the file must have and lacks is a 400 naming the parameter.</summary>
    public static CsvColumns Find(IReadOnlyList<string> headers, ImportOptions options)
    {
        var names = headers.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToList();
        return new CsvColumns(
            Find(names, options.Date), Find(names, options.Amount), Find(names, options.Description), Find(names, options.Bucket),
            Find(names, options.Type), Find(names, options.Priority), Find(names, options.Id), Find(names, options.Status), Find(names, options.Links));
    }

    private static int Find(List<string> names, ColumnChoice choice)
    {
        // A column chosen empty (Header null) matches no name, so it is not read.
        var index = names.FindIndex(n => string.Equals(n, choice.Header, StringComparison.OrdinalIgnoreCase));
        if (index < 0 && choice.MustExist)
        {
            throw PackProblemException.BadField(choice.Parameter ?? choice.Field,
                $"the file has no column '{choice.Header}' for {choice.Field}; its header names {string.Join(", ", names.Select(n => $"'{n}'"))}.");
        }

        return index;
    }
}
