using Valhalla.Contracts;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>The four priority letters, parsed once at the edge with one problem for anything else.</summary>
public sealed class PriorityTests
{
    [Theory]
    [InlineData("A", false)]
    [InlineData("B", false)]
    [InlineData("C", true)]
    [InlineData("D", true)]
    public void Each_letter_parses_to_itself_and_only_C_and_D_wait_for_obligations(string text, bool discretionary)
    {
        var priority = Priority.Parse(text);

        Assert.Equal(text, priority.Code);
        Assert.Equal(text, priority.ToString());
        Assert.Equal(discretionary, priority.IsDiscretionary);
    }

    [Fact]
    public void Parsing_gives_the_named_priorities() =>
        Assert.Equal([Priority.A, Priority.B, Priority.C, Priority.D], new[] { "A", "B", "C", "D" }.Select(t => Priority.Parse(t)));

    [Fact]
    public void The_named_priorities_carry_their_letters() =>
        Assert.Equal("ABCD", string.Concat(Priority.A.Code, Priority.B.Code, Priority.C.Code, Priority.D.Code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("E")]
    [InlineData(" A")]
    [InlineData("AB")]
    public void Anything_else_is_refused_naming_the_field(string? text)
    {
        var problem = Assert.Throws<PackProblemException>(() => Priority.Parse(text));
        var named = Assert.Throws<PackProblemException>(() => Priority.Parse(text, "default_priority"));

        Assert.Equal((400, "priority", "priority: must be one of A, B, C, D."), (problem.Status, problem.Field, problem.Message));
        Assert.Equal(("default_priority", "default_priority: must be one of A, B, C, D."), (named.Field, named.Message));
    }
}
