using Valhalla.Contracts;

namespace Valhalla.Packs.Audit.Tests;

/// <summary>The audit query's rules at their boundaries: each refusal names its field and says why.</summary>
public sealed class AuditRulesTests
{
    [Fact]
    public void An_empty_query_pages_by_the_default_from_the_start_unfiltered()
    {
        Assert.Equal(new AuditFilter(null, null, null, null, null, AuditRules.DefaultPageSize, 0), AuditRules.Filter(new AuditQuery()));
    }

    [Fact]
    public void Every_filter_given_is_kept_as_parsed()
    {
        var filter = AuditRules.Filter(new AuditQuery
        {
            SubjectId = "tx_aaaaaaaaaaaa",
            Pack = "P-BUDGET-2",
            Kind = "transaction.posted",
            From = "2026-01-05",
            To = "2026-01-05",
            Limit = 7,
            Offset = 3,
        });

        Assert.Equal(
            new AuditFilter("tx_aaaaaaaaaaaa", "P-BUDGET-2", "transaction.posted", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5), 7, 3),
            filter);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(AuditRules.MaxPageSize)]
    public void A_limit_from_1_to_the_maximum_is_kept(int limit)
    {
        Assert.Equal(limit, AuditRules.Filter(new AuditQuery { Limit = limit }).Limit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(AuditRules.MaxPageSize + 1)]
    public void A_limit_outside_1_to_the_maximum_is_refused(int limit)
    {
        var problem = Assert.Throws<PackProblemException>(() => AuditRules.Filter(new AuditQuery { Limit = limit }));

        Assert.Equal(("limit", 400, "limit: must be between 1 and 500."), (problem.Field, problem.Status, problem.Message));
    }

    [Fact]
    public void Offset_zero_is_kept_and_a_negative_offset_is_refused()
    {
        Assert.Equal(0, AuditRules.Filter(new AuditQuery { Offset = 0 }).Offset);

        var problem = Assert.Throws<PackProblemException>(() => AuditRules.Filter(new AuditQuery { Offset = -1 }));

        Assert.Equal(("offset", "offset: must not be negative."), (problem.Field, problem.Message));
    }

    [Theory]
    [InlineData("subject_id")]
    [InlineData("pack")]
    [InlineData("kind")]
    public void A_text_filter_of_1_or_200_characters_is_kept(string field)
    {
        Assert.Equal("x", TextOf(AuditRules.Filter(TextQuery(field, "x")), field));
        Assert.Equal(new string('x', 200), TextOf(AuditRules.Filter(TextQuery(field, new string('x', 200))), field));
    }

    [Theory]
    [InlineData("subject_id", 0)]
    [InlineData("subject_id", 201)]
    [InlineData("pack", 0)]
    [InlineData("pack", 201)]
    [InlineData("kind", 0)]
    [InlineData("kind", 201)]
    public void An_empty_or_too_long_text_filter_is_refused_naming_it(string field, int length)
    {
        var problem = Assert.Throws<PackProblemException>(() => AuditRules.Filter(TextQuery(field, new string('x', length))));

        Assert.Equal((field, $"{field}: must be 1 to 200 characters."), (problem.Field, problem.Message));
    }

    [Theory]
    [InlineData("from")]
    [InlineData("to")]
    public void A_date_that_does_not_exist_is_refused_naming_it(string field)
    {
        var query = field == "from" ? new AuditQuery { From = "2026-02-30" } : new AuditQuery { To = "2026-02-30" };

        var problem = Assert.Throws<PackProblemException>(() => AuditRules.Filter(query));

        Assert.Equal((field, $"{field}: '2026-02-30' is not a real date: expected YYYY-MM-DD."), (problem.Field, problem.Message));
    }

    [Fact]
    public void To_before_from_is_refused_naming_to()
    {
        var problem = Assert.Throws<PackProblemException>(() => AuditRules.Filter(new AuditQuery { From = "2026-01-05", To = "2026-01-04" }));

        Assert.Equal(("to", "to: must not be before from (2026-01-05)."), (problem.Field, problem.Message));
    }

    private static AuditQuery TextQuery(string field, string value) => field switch
    {
        "subject_id" => new AuditQuery { SubjectId = value },
        "pack" => new AuditQuery { Pack = value },
        _ => new AuditQuery { Kind = value },
    };

    private static string? TextOf(AuditFilter filter, string field) => field switch
    {
        "subject_id" => filter.SubjectId,
        "pack" => filter.Pack,
        _ => filter.Kind,
    };
}
