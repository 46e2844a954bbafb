using System.Globalization;
using System.Text.RegularExpressions;

namespace Valhalla.Host.Backups;

/// <summary>
/// Backup file names: <c>valhalla-20261201T121800123Z.zip</c>, the UTC time of the snapshot, so
/// names sort by age. A name from a request is accepted only in this form: no path can be smuggled in.
/// </summary>
internal static partial class BackupNames
{
    public const string Extension = ".zip";

    /// <summary>The suffix of an archive still being written; renamed when complete.</summary>
    public const string PartialSuffix = ".partial";

    public static string For(DateTimeOffset time) =>
        "valhalla-" + time.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + Extension;

    public static bool IsValid(string? name) => name is not null && Name().IsMatch(name);

    /// <summary>The snapshot time a valid name carries.</summary>
    public static DateTimeOffset TimeOf(string name) =>
        new(DateTime.ParseExact(Name().Match(name).Groups["time"].Value, "yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    [GeneratedRegex(@"^valhalla-(?<time>\d{8}T\d{9}Z)\.zip$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
