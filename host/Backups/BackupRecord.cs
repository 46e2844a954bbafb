namespace Valhalla.Host.Backups;

/// <summary>One backup attempt, as listed, in <c>/health</c> and in the report.</summary>
/// <param name="Name">The archive's file name (for a failed attempt, the name it would have had).</param>
/// <param name="Time">When the snapshot was taken.</param>
/// <param name="Size">The archive's size in bytes; 0 when it failed.</param>
/// <param name="Outcome"><c>ok</c> or <c>failed</c>.</param>
/// <param name="Error">Why it failed; null when it did not.</param>
internal sealed record BackupRecord(string Name, DateTimeOffset Time, long Size, string Outcome, string? Error = null)
{
    public const string Ok = "ok";

    public const string Failed = "failed";
}
