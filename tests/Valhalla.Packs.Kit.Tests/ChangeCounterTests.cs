using Valhalla.Contracts.Services;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>Change stamps: each touch moves the stamps it concerns on, and nothing else.</summary>
public sealed class ChangeCounterTests
{
    [Fact]
    public void A_new_counter_starts_at_zero_with_one_epoch()
    {
        var counter = new ChangeCounter();

        Assert.Equal(0, counter.Current.Counter);
        Assert.Equal(0, counter.Of("bk_a").Counter);
        Assert.Equal(counter.Current.Epoch, counter.Of("bk_a").Epoch);
        Assert.NotEqual(Guid.Empty, counter.Current.Epoch);
    }

    [Fact]
    public void Two_counters_have_different_epochs() =>
        Assert.NotEqual(new ChangeCounter().Current.Epoch, new ChangeCounter().Current.Epoch);

    [Fact]
    public void Touching_everything_moves_every_scope_and_the_whole_on()
    {
        var counter = new ChangeCounter();

        counter.Touch();
        counter.Touch();

        Assert.Equal(2, counter.Current.Counter);
        Assert.Equal(2, counter.Of("bk_a").Counter);
    }

    [Fact]
    public void Touching_a_scope_moves_it_and_the_whole_on_but_not_other_scopes()
    {
        var counter = new ChangeCounter();
        var other = counter.Of("bk_b");

        counter.Touch("bk_a");
        counter.Touch("bk_a");
        counter.Touch("bk_a");

        Assert.Equal(3, counter.Of("bk_a").Counter);
        Assert.Equal(3, counter.Current.Counter);
        Assert.Equal(other, counter.Of("bk_b"));
    }

    [Fact]
    public void Scopes_are_told_apart_by_ordinal_case()
    {
        var counter = new ChangeCounter();

        counter.Touch("bk_a");

        Assert.Equal(0, counter.Of("BK_A").Counter);
    }

    [Fact]
    public void The_whole_counts_every_scope_and_every_touch_of_everything()
    {
        var counter = new ChangeCounter();

        counter.Touch("bk_a");
        counter.Touch("bk_b");
        counter.Touch("bk_b");
        counter.Touch();

        Assert.Equal(new ChangeStamp(counter.Current.Epoch, 4), counter.Current);
        Assert.Equal(2, counter.Of("bk_a").Counter);
        Assert.Equal(3, counter.Of("bk_b").Counter);
        Assert.Equal(1, counter.Of("bk_c").Counter);
    }
}
