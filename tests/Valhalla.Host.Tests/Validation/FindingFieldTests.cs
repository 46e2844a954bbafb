using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Tests.Validation;

/// <summary>A finding names the manifest field it is about, so clients need not guess it from the code.</summary>
public sealed class FindingFieldTests : IDisposable
{
    private readonly DropFolder _drop = new();

    public void Dispose() => _drop.Dispose();

    [Theory]
    [InlineData("route_prefix", "notes/", "route_prefix_invalid", "route_prefix")]
    [InlineData("router_symbol", "Valhalla.Fixtures.Packs.NoSuchPack", "entry_type_missing", "router_symbol")]
    [InlineData("contracts", "9.0", "contracts_major_mismatch", "contracts")]
    [InlineData("version", "not a version", "version_invalid", "version")]
    [InlineData("module", "No.Such.Module", "module_missing", "module")]
    public void A_bad_field_is_named_in_the_finding(string field, string value, string code, string named)
    {
        _drop.Add("field", m => m[field] = value);

        var finding = Assert.Single(_drop.ValidateOne("X-FIELD").Findings, f => f.Code == code);

        Assert.Equal(named, finding.Field);
    }

    [Fact]
    public void A_data_path_finding_names_data_paths()
    {
        _drop.Add("field", m => m["data_paths"] = new JsonArray("../outside.db"));

        var finding = Assert.Single(_drop.ValidateOne("X-FIELD").Findings, f => f.Code == FindingCodes.DataPathEscapesRoot);

        Assert.Equal("data_paths", finding.Field);
    }

    [Fact]
    public void A_requires_finding_names_requires()
    {
        _drop.Add("field", m => m["requires"] = new JsonArray("X-NOWHERE"));

        var finding = Assert.Single(_drop.ValidateOne("X-FIELD").Findings, f => f.Code == FindingCodes.RequiresUnsatisfied);

        Assert.Equal("requires", finding.Field);
    }

    [Theory]
    [InlineData(FindingCodes.CodeDuplicate, "code")]
    [InlineData(FindingCodes.EntryTypeNoDefaultConstructor, "router_symbol")]
    [InlineData(FindingCodes.ContractsMinorNewer, "contracts")]
    [InlineData(FindingCodes.RequiresNotLoaded, "requires")]
    [InlineData(FindingCodes.DataFileMissing, "data_paths")]
    [InlineData(FindingCodes.RoutePrefixOverlap, "route_prefix")]
    [InlineData(FindingCodes.ModuleUnreadable, "module")]
    [InlineData(FindingCodes.ManifestInvalid, null)]
    [InlineData(FindingCodes.ShipsContracts, null)]
    [InlineData(FindingCodes.PackLoadFailed, null)]
    [InlineData(FindingCodes.PreviousCopyServing, null)]
    public void Each_code_is_about_one_field_or_none(string code, string? field) =>
        Assert.Equal(field, new Finding("X-A-1", Severity.Error, code, "t", "d").Field);

    [Fact]
    public void A_finding_may_name_another_field() =>
        Assert.Equal("tags", (new Finding("X-A-1", Severity.Error, FindingCodes.ManifestInvalid, "t", "d") with { Field = "tags" }).Field);
}
