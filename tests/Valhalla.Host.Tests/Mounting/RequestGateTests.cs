using Valhalla.Host.Mounting;

namespace Valhalla.Host.Tests.Mounting;

public sealed class RequestGateTests
{
    [Fact]
    public async Task Closing_waits_for_the_requests_inside_and_refuses_new_ones()
    {
        var gate = new RequestGate();
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());

        var drained = gate.CloseAsync();

        Assert.False(gate.TryEnter());
        gate.Exit();
        Assert.False(drained.IsCompleted);
        gate.Exit();
        await drained;
    }

    [Fact]
    public async Task Closing_an_idle_gate_completes_at_once()
    {
        var gate = new RequestGate();

        await gate.CloseAsync();

        Assert.False(gate.TryEnter());
    }

    [Fact]
    public void A_gate_at_its_limit_refuses_until_a_request_leaves()
    {
        var gate = new RequestGate();
        Assert.Equal(GateEntry.Entered, gate.TryEnter(limit: 2));
        Assert.Equal(GateEntry.Entered, gate.TryEnter(limit: 2));

        Assert.Equal(GateEntry.Full, gate.TryEnter(limit: 2));
        gate.Exit();
        Assert.Equal(GateEntry.Entered, gate.TryEnter(limit: 2));
    }

    [Fact]
    public async Task A_closed_gate_says_closed_even_at_its_limit()
    {
        var gate = new RequestGate();
        gate.TryEnter(limit: 1);
        var drained = gate.CloseAsync();

        Assert.Equal(GateEntry.Closed, gate.TryEnter(limit: 1));
        gate.Exit();
        await drained;
    }
}
