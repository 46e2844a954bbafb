using Valhalla.Host.Mounting;

namespace Valhalla.Host.Tests.Mounting;

public sealed class RequestGateTests
{
    [Fact]
    public async Task Closing_waits_for_the_requests_inside_and_refuses_new_ones()
    {
        var gate = new RequestGate();
        Assert.Equal(GateEntry.Entered, gate.TryEnter(limit: 0));
        Assert.True(gate.TryEnterForHost());

        var drained = gate.CloseAsync();

        Assert.Equal(GateEntry.Closed, gate.TryEnter(limit: 0));
        Assert.False(gate.TryEnterForHost());
        gate.Exit();
        Assert.False(drained.IsCompleted);
        gate.ExitForHost();
        await drained;
    }

    [Fact]
    public async Task Closing_an_idle_gate_completes_at_once()
    {
        var gate = new RequestGate();

        await gate.CloseAsync();

        Assert.False(gate.TryEnterForHost());
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
    public void The_host_s_own_work_inside_takes_no_request_s_place()
    {
        var gate = new RequestGate();
        Assert.True(gate.TryEnterForHost());

        Assert.Equal(GateEntry.Entered, gate.TryEnter(limit: 1));
        Assert.True(gate.TryEnterForHost());
        Assert.Equal(GateEntry.Full, gate.TryEnter(limit: 1));
        gate.ExitForHost();
        gate.ExitForHost();
        Assert.Equal(GateEntry.Full, gate.TryEnter(limit: 1));
        gate.Exit();
        Assert.Equal(GateEntry.Entered, gate.TryEnter(limit: 1));
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
