using System.Reflection;
using System.Text.RegularExpressions;
using Valhalla.Contracts.Stores;
using Xunit;

namespace Valhalla.Testing;

/// <summary>Checks what a pack's embedded migrations create.</summary>
public static partial class MigrationAssert
{
    /// <summary>
    /// Asserts that one of the migrations embedded in <paramref name="packAssembly"/> holds
    /// <paramref name="statement"/> as written (whitespace aside), so a copied schema cannot drift from its original.
    /// </summary>
    public static void Declares(Assembly packAssembly, string statement)
    {
        var wanted = Squeeze(statement);
        var migrations = Migration.FromEmbeddedResources(packAssembly);
        Assert.True(migrations.Any(m => Squeeze(m.Sql).Contains(wanted, StringComparison.Ordinal)),
            $"No migration of {packAssembly.GetName().Name} ({string.Join(", ", migrations.Select(m => m.Name))}) holds:\n{statement}");
    }

    private static string Squeeze(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
