using System.Reflection;

namespace Valhalla.Testing.Authoring;

/// <summary>Where the pack author's kit lives in the repository these tests were built from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value
        ?? throw new InvalidOperationException("Assembly metadata 'RepoRoot' is missing.");

    public static string ContractsProject => Path.Combine(Root, "contracts", "Valhalla.Contracts", "Valhalla.Contracts.csproj");

    public static string RemindersSample => Path.Combine(Root, "samples", "Valhalla.Samples.Reminders");

    public static string PackTemplate => Path.Combine(Root, "templates", "valhalla-pack");
}
