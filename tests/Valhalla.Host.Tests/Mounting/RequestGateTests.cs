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
}
