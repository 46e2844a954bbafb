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

    [Fact]
    public void A_pack_left_starting_says_what_was_running_and_since_when()
    {
        var state = QuarantineRules.AtStart(QuarantineState.Empty, [new StartingPack("X-A-1", "1.2.0", "f1", Now.AddMinutes(-1))], Now);

        var held = Assert.Single(state.Quarantined);
        Assert.Equal(Now, held.Since);
        Assert.Equal(
            "the host's process ended while X-A-1 1.2.0 was starting (its constructor, migrations, ConfigureServices or MapRoutes) at 2026-12-01 09:59:00Z",
            held.Reason);
    }

    [Fact]
    public void Repeated_crashes_say_how_often_and_the_last_one()
    {
        var previous = new QuarantineState([], [
            new PackCrash("X-A-1", "f1", Now.AddMinutes(-3), "middle"),
            new PackCrash("X-A-1", "f1", Now.AddMinutes(-1), "last"),
            new PackCrash("X-A-1", "f1", Now.AddMinutes(-5), "first"),
        ]);

        var held = Assert.Single(QuarantineRules.AtStart(previous, [], Now).Quarantined);

        Assert.Equal(("X-A-1", "f1", Now), (held.Code, held.Fingerprint, held.Since));
        Assert.Equal("X-A-1 ended the host's process 3 times within 10 minutes while serving, last at 2026-12-01 09:59:00Z: last", held.Reason);
    }

    [Fact]
    public void A_crash_exactly_ten_minutes_ago_still_counts()
    {
        var previous = new QuarantineState([], [new PackCrash("X-A-1", "f1", Now.AddMinutes(-10), "boom"), new PackCrash("X-A-1", "f1", Now, "boom")]);

        Assert.NotNull(QuarantineRules.Holding(QuarantineRules.AtStart(previous, [], Now), "X-A-1", "f1"));
    }

    [Fact]
    public void A_quarantine_forgets_that_packs_crashes_and_keeps_the_others()
    {
        var other = new PackCrash("X-B-1", "g1", Now.AddMinutes(-1), "once");
        var previous = new QuarantineState([], [new PackCrash("X-A-1", "f1", Now.AddMinutes(-2), "boom"), other, new PackCrash("X-A-1", "f1", Now.AddMinutes(-1), "boom")]);

        var state = QuarantineRules.AtStart(previous, [], Now);

        Assert.Equal([other], state.Crashes);
        Assert.Equal(["X-A-1"], state.Quarantined.Select(q => q.Code));
    }

    [Fact]
    public void A_new_quarantine_of_a_pack_replaces_its_old_one_and_keeps_the_others()
    {
        var old = new QuarantinedPack("X-A-1", "f0", Now.AddDays(-1), "before");
        var another = new QuarantinedPack("X-B-1", "g0", Now.AddDays(-1), "before");

        var state = QuarantineRules.AtStart(new QuarantineState([old, another], []), [new StartingPack("X-A-1", "1.0.0", "f1", Now)], Now);

        Assert.Equal([("X-B-1", "g0"), ("X-A-1", "f1")], state.Quarantined.Select(q => (q.Code, q.Fingerprint)));
    }

    [Fact]
    public void Only_the_same_code_with_the_same_files_is_held()
    {
        var state = QuarantineRules.AtStart(QuarantineState.Empty, [new StartingPack("X-A-1", "1.0.0", "f1", Now)], Now);

        Assert.Null(QuarantineRules.Holding(state, "X-B-1", "f1"));
        Assert.Null(QuarantineRules.Holding(state, "X-B-1", "f2"));
    }

    [Fact]
    public void Lifting_one_pack_keeps_the_others_quarantine_and_crashes()
    {
        var state = new QuarantineState(
            [new QuarantinedPack("X-A-1", "f1", Now, "a"), new QuarantinedPack("X-B-1", "g1", Now, "b")],
            [new PackCrash("X-A-1", "f1", Now, "a"), new PackCrash("X-B-1", "g2", Now, "b")]);

        var lifted = QuarantineRules.Lift(state, "X-A-1");

        Assert.Equal(["X-B-1"], lifted.Quarantined.Select(q => q.Code));
        Assert.Equal(["X-B-1"], lifted.Crashes.Select(c => c.Code));
    }
}
