using Valhalla.Host.Quarantine;

namespace Valhalla.Host.Tests.Quarantine;

public sealed class QuarantineRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pack_left_starting_is_quarantined_with_its_files()
    {
        var state = QuarantineRules.AtStart(QuarantineState.Empty, [new StartingPack("X-A-1", "1.0.0", "f1", Now.AddMinutes(-1))], Now);

        var held = Assert.Single(state.Quarantined);
        Assert.Equal(("X-A-1", "f1"), (held.Code, held.Fingerprint));
        Assert.NotNull(QuarantineRules.Holding(state, "X-A-1", "f1"));
        Assert.Null(QuarantineRules.Holding(state, "X-A-1", "f2"));
    }

    [Theory]
    [InlineData(new[] { 1 }, false)]
    [InlineData(new[] { 1, 2 }, true)]
    [InlineData(new[] { 1, 30 }, false)]
    [InlineData(new[] { 30, 31 }, false)]
    [InlineData(new[] { 1, 5, 9 }, true)]
    public void Crashes_while_serving_quarantine_a_pack_at_the_second_within_ten_minutes(int[] minutesAgo, bool quarantined)
    {
        var previous = new QuarantineState([], [.. minutesAgo.Select(m => new PackCrash("X-A-1", "f1", Now.AddMinutes(-m), "boom"))]);

        var state = QuarantineRules.AtStart(previous, [], Now);

        Assert.Equal(quarantined, QuarantineRules.Holding(state, "X-A-1", "f1") is not null);
        Assert.DoesNotContain(state.Crashes, c => Now - c.At > QuarantineRules.CrashWindow);
    }

    [Fact]
    public void Crashes_of_other_files_of_the_pack_do_not_add_up()
    {
        var previous = new QuarantineState([], [new PackCrash("X-A-1", "f1", Now.AddMinutes(-2), "boom"), new PackCrash("X-A-1", "f2", Now.AddMinutes(-1), "boom")]);

        Assert.Empty(QuarantineRules.AtStart(previous, [], Now).Quarantined);
    }

    [Fact]
    public void A_quarantine_lasts_across_starts_until_lifted()
    {
        var first = QuarantineRules.AtStart(QuarantineState.Empty, [new StartingPack("X-A-1", "1.0.0", "f1", Now)], Now);
        var second = QuarantineRules.AtStart(first, [], Now.AddDays(3));

        Assert.NotNull(QuarantineRules.Holding(second, "X-A-1", "f1"));
        var lifted = QuarantineRules.Lift(second, "X-A-1");
        Assert.Null(QuarantineRules.Holding(lifted, "X-A-1", "f1"));
        Assert.Empty(lifted.Crashes);
    }
}
