namespace Valhalla.Host.Quarantine;

/// <summary>
/// Which packs are held back after the host's process ended because of them: one whose start-up code
/// was running when the process ended, and one that ended it while serving
/// <see cref="CrashesToQuarantine"/> times within <see cref="CrashWindow"/>. Pure, so the rules are
/// tested without killing anything.
/// </summary>
internal static class QuarantineRules
{
    public const int CrashesToQuarantine = 2;

    public static readonly TimeSpan CrashWindow = TimeSpan.FromMinutes(10);

    /// <summary>The state for a new start, given the last one and the packs that were starting when the process ended.</summary>
    public static QuarantineState AtStart(QuarantineState previous, IReadOnlyList<StartingPack> leftStarting, DateTimeOffset now)
    {
        var quarantined = previous.Quarantined.ToList();
        foreach (var starting in leftStarting)
        {
            Put(quarantined, new QuarantinedPack(starting.Code, starting.Fingerprint, now,
                $"the host's process ended while {starting.Code} {starting.Version} was starting (its constructor, migrations, ConfigureServices or MapRoutes) at {starting.Since:u}"));
        }

        var crashes = previous.Crashes.Where(c => now - c.At <= CrashWindow).ToList();
        foreach (var repeated in crashes.GroupBy(c => (c.Code, c.Fingerprint)).Where(g => g.Count() >= CrashesToQuarantine).ToList())
        {
            var last = repeated.MaxBy(c => c.At)!;
            Put(quarantined, new QuarantinedPack(repeated.Key.Code, repeated.Key.Fingerprint, now,
                $"{repeated.Key.Code} ended the host's process {repeated.Count()} times within {CrashWindow.TotalMinutes:0} minutes while serving, last at {last.At:u}: {last.What}"));
            crashes.RemoveAll(c => c.Code == repeated.Key.Code);
        }

        return new QuarantineState(quarantined, crashes);
    }

    /// <summary>
    /// The quarantine that holds back <paramref name="code"/> with these files, or null. A quarantine
    /// of other files of the pack no longer applies (see <see cref="Lift"/>).
    /// </summary>
    public static QuarantinedPack? Holding(QuarantineState state, string code, string fingerprint) =>
        state.Quarantined.FirstOrDefault(q => q.Code == code && q.Fingerprint == fingerprint);

    /// <summary>Forgets the quarantine and the crashes of <paramref name="code"/>.</summary>
    public static QuarantineState Lift(QuarantineState state, string code) =>
        new([.. state.Quarantined.Where(q => q.Code != code)], [.. state.Crashes.Where(c => c.Code != code)]);

    private static void Put(List<QuarantinedPack> quarantined, QuarantinedPack pack)
    {
        quarantined.RemoveAll(q => q.Code == pack.Code);
        quarantined.Add(pack);
    }
}
