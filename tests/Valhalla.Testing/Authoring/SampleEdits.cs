namespace Valhalla.Testing.Authoring;

/// <summary>Edits of the reminders sample that make other builds of the same pack (P-REMIND-1).</summary>
public static class SampleEdits
{
    /// <summary>The title limit as the sample ships it.</summary>
    public const int ShippedMaxTitleLength = 200;

    /// <summary>Sets <c>RemindersApi.MaxTitleLength</c>, a behaviour visible over HTTP.</summary>
    public static Action<ProjectCopy> MaxTitleLength(int length) =>
        copy => copy.Replace("RemindersApi.cs", $"MaxTitleLength = {ShippedMaxTitleLength};", $"MaxTitleLength = {length};");

    /// <summary>Sets pack.json's <c>version</c>.</summary>
    public static Action<ProjectCopy> Version(string version) => copy => copy.EditManifest(manifest => manifest["version"] = version);

    /// <summary>A new build: a shorter title limit and a new version (defaults: 20 and 1.0.1).</summary>
    public static Action<ProjectCopy> Changed(int maxTitleLength = 20, string version = "1.0.1") =>
        MaxTitleLength(maxTitleLength) + Version(version);

    /// <summary>A build that compiles and validates but whose second migration is not SQL, so it fails when the host migrates it.</summary>
    public static Action<ProjectCopy> BrokenMigration(string version = "1.0.2") =>
        Version(version) + (copy => copy.Write(Path.Combine("Migrations", "002_broken.sql"), "CREATE TABLE reminders_broken (;\n"));
}
