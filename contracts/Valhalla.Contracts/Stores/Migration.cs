using System.Reflection;
using System.Text.RegularExpressions;

namespace Valhalla.Contracts.Stores;

/// <summary>
/// One numbered schema migration. The host applies the migrations whose <see cref="Version"/> is
/// above the database's <c>PRAGMA user_version</c>, in order, each in its own transaction.
/// </summary>
/// <param name="Version">Positive, unique within a database; e.g. 1 for <c>001_init.sql</c>.</param>
/// <param name="Name">A readable name, e.g. <c>001_init</c>.</param>
/// <param name="Sql">The SQL script.</param>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// Reads the <c>NNN_name.sql</c> files embedded from <paramref name="folder"/> (default
    /// <c>Migrations</c>) of <paramref name="assembly"/>, ordered by number. Embed them with
    /// <c>&lt;EmbeddedResource Include="Migrations/*.sql" /&gt;</c>.
    /// </summary>
    public static IReadOnlyList<Migration> FromEmbeddedResources(Assembly assembly, string folder = "Migrations")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var marker = "." + folder.Replace('/', '.').Replace('\\', '.') + ".";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.LastIndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var match = FileName().Match(resource[(at + marker.Length)..]);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Value[..^".sql".Length], reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"^(\d+)_([A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex FileName();
}
