using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts;
using Valhalla.Host.Http;

namespace Valhalla.Host.Tests.Http;

/// <summary>What the host answers for the problem a pack throws: the same body the packs' filters wrote before.</summary>
public sealed class PackProblemTests
{
    [Fact]
    public void A_bad_field_is_a_validation_problem_naming_it()
    {
        var problem = PackProblemExceptionHandler.Describe(PackProblemException.BadField("monthly_limit", "must not be negative."));

        var invalid = Assert.IsType<ValidationProblemDetails>(problem);
        Assert.Equal((400, "The request has an invalid field.", "monthly_limit: must not be negative."), (invalid.Status, invalid.Title, invalid.Detail));
        Assert.Equal(["monthly_limit: must not be negative."], Assert.Single(invalid.Errors, e => e.Key == "monthly_limit").Value);
    }

    [Fact]
    public void Several_bad_fields_are_each_named_in_errors()
    {
        var problem = PackProblemExceptionHandler.Describe(PackProblemException.BadFields(new Dictionary<string, string> { ["title"] = "is empty.", ["due"] = "is no date." }));

        var invalid = Assert.IsType<ValidationProblemDetails>(problem);
        Assert.Equal("title: is empty. due: is no date.", invalid.Detail);
        Assert.Equal(["due", "title"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["is no date."], invalid.Errors["due"]);
    }

    [Fact]
    public void A_conflict_keeps_its_status_title_type_and_extensions()
    {
        var thrown = new PackProblemException(409, "Obligations come first.", "Rent is not paid.")
        {
            Type = "https://valhalla.example/problems/uncovered",
            Extensions = new Dictionary<string, object?> { ["uncovered"] = new[] { "rent" } },
        };

        var problem = PackProblemExceptionHandler.Describe(thrown);

        Assert.IsNotType<ValidationProblemDetails>(problem);
        Assert.Equal((409, "Obligations come first.", "Rent is not paid.", thrown.Type), (problem.Status, problem.Title, problem.Detail, problem.Type));
        Assert.Equal(new[] { "rent" }, problem.Extensions["uncovered"]);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void A_problem_is_an_error_status(int status) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PackProblemException(status, "t", "d"));
}
