using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

public sealed class CrossPackValidationTests : IDisposable
{
    private readonly DropFolder _drop = new();

    public void Dispose() => _drop.Dispose();

    [Fact]
    public void Packs_load_after_the_packs_they_require()
    {
        _drop.Add("a", m => m["requires"] = new JsonArray("X-B"));
        _drop.Add("b", m => m["requires"] = new JsonArray("X-C"));
        _drop.Add("c");

        Assert.Equal(["X-C", "X-B", "X-A"], _drop.Validate().Select(p => p.Code));
    }

    [Fact]
    public void Requiring_an_absent_pack_is_refused()
    {
        _drop.Add("lonely", m => m["requires"] = new JsonArray("X-NOBODY"));

        Assert.Contains("'X-NOBODY', which is not in the drop folder", AssertError("X-LONELY", "requires_unsatisfied").Detail);
    }

    [Fact]
    public void Requiring_an_invalid_pack_is_refused_transitively()
    {
        _drop.Add("top", m => m["requires"] = new JsonArray("X-MIDDLE"));
        _drop.Add("middle", m => m["requires"] = new JsonArray("X-BROKEN"));
        _drop.Add("broken", m => m["router_symbol"] = "Valhalla.Fixtures.Packs.NotAPack");

        Assert.Contains("'X-BROKEN', which is in the drop folder but is not valid", AssertError("X-MIDDLE", "requires_unsatisfied").Detail);
        Assert.Contains("'X-MIDDLE'", AssertError("X-TOP", "requires_unsatisfied").Detail);
    }

    [Fact]
    public void Requiring_a_code_two_folders_share_binds_to_the_folder_that_keeps_it()
    {
        _drop.Add("first", m => m["code"] = "X-SAME");
        _drop.Add("second", m => m["code"] = "X-SAME");
        _drop.Add("user", m => m["requires"] = new JsonArray("X-SAME"));

        var packs = _drop.Validate();

        Assert.True(packs.Single(p => p.Code == "X-USER").IsValid);
        Assert.Equal(["first", "user"], packs.Where(p => p.IsValid).Select(p => p.Pack.FolderName));
    }

    [Fact]
    public void Packs_that_were_serving_load_first_where_requirements_allow()
    {
        var (_, order) = DependencyChecks.Check(
            new Dictionary<string, IReadOnlyList<string>> { ["X-A"] = [], ["X-B"] = [], ["X-C"] = ["X-A"] },
            new HashSet<string>(), new HashSet<string> { "X-A", "X-B", "X-C" }, new HashSet<string> { "X-C" });

        Assert.Equal(["X-A", "X-C", "X-B"], order);
    }

    [Fact]
    public void A_null_requirement_is_refused_for_that_pack_only()
    {
        _drop.Add("good");
        var folder = _drop.Add("nulls", m => m["requires"] = new JsonArray((JsonNode?)null));

        var packs = _drop.Validate();

        Assert.True(packs.Single(p => p.Code == "X-GOOD").IsValid);
        var finding = Assert.Single(packs.Single(p => p.Pack.Folder == folder).Findings);
        Assert.Equal("manifest_invalid", finding.Code);
        Assert.Contains("field 'requires[0]' is null", finding.Detail);
    }

    [Fact]
    public void A_requires_cycle_is_refused_and_named()
    {
        _drop.Add("a", m => m["requires"] = new JsonArray("X-B"));
        _drop.Add("b", m => m["requires"] = new JsonArray("X-A"));

        Assert.Contains("X-A -> X-B -> X-A", AssertError("X-A", "requires_cycle").Detail);
        AssertError("X-B", "requires_cycle");
    }

    [Fact]
    public void An_absolute_data_path_is_refused()
    {
        _drop.Add("abs", m => m["data_paths"] = new JsonArray("/etc/abs.db"));

        Assert.Contains("must be relative to the data root", AssertError("X-ABS", "data_path_absolute").Detail);
    }

    [Fact]
    public void A_data_path_climbing_out_of_the_data_root_is_refused()
    {
        _drop.Add("climb", m => m["data_paths"] = new JsonArray("../climb.db"));

        Assert.Contains("outside the data root", AssertError("X-CLIMB", "data_path_escapes_root").Detail);
    }

    [Fact]
    public void A_data_path_escaping_through_a_symlink_is_refused()
    {
        Directory.CreateDirectory(_drop.Outside);
        Directory.CreateSymbolicLink(Path.Combine(_drop.Paths.DataRoot, "sneaky"), _drop.Outside);
        _drop.Add("link", m => m["data_paths"] = new JsonArray("sneaky/link.db"));

        Assert.Contains(_drop.Outside, AssertError("X-LINK", "data_path_escapes_root").Detail);
    }

    [Fact]
    public void A_data_path_in_the_drop_folder_is_refused()
    {
        _drop.Add("inside", m => m["data_paths"] = new JsonArray("packs/inside/inside.db"));

        Assert.Contains("lies in the drop folder", AssertError("X-INSIDE", "data_path_in_drop_folder").Detail);
    }

    [Fact]
    public void A_data_path_claimed_by_two_packs_is_refused_for_the_later_folder_only()
    {
        _drop.Add("one", m => m["data_paths"] = new JsonArray("shared/money.db"));
        _drop.Add("two", m => m["data_paths"] = new JsonArray("shared/./money.db"));

        Assert.True(_drop.ValidateOne("X-ONE").IsValid);
        Assert.Contains("data_paths 'shared/./money.db' is the same file as X-ONE's 'shared/money.db'", AssertError("X-TWO", "data_path_duplicate").Detail);
    }

    [Fact]
    public void A_data_path_naming_another_packs_write_ahead_log_is_refused_whatever_the_folder_order()
    {
        _drop.Add("b-owner", m => m["data_paths"] = new JsonArray("ledger/ledger.db"));
        _drop.Add("a-thief", m => m["data_paths"] = new JsonArray("ledger/ledger.db-wal"));

        Assert.True(_drop.ValidateOne("X-B-OWNER").IsValid);
        Assert.Contains("is one of the SQLite files of X-B-OWNER's 'ledger/ledger.db'", AssertError("X-A-THIEF", "data_path_duplicate").Detail);
        Assert.Contains("ends in -wal", AssertError("X-A-THIEF", "data_path_invalid").Detail);
    }

    [Theory]
    [InlineData("ledger/ledger.db-shm")]
    [InlineData("ledger/ledger.db-journal")]
    [InlineData("ledger")]
    [InlineData("ledger/ledger.db/inner.db")]
    public void A_data_path_touching_another_packs_database_files_is_refused(string dataPath)
    {
        _drop.Add("a-owner", m => m["data_paths"] = new JsonArray("ledger/ledger.db"));
        _drop.Add("b-other", m => m["data_paths"] = new JsonArray(dataPath));

        Assert.Contains("X-A-OWNER's 'ledger/ledger.db'", AssertError("X-B-OTHER", "data_path_duplicate").Detail);
    }

    [Fact]
    public void A_data_path_reaching_another_packs_database_through_a_symlink_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_drop.Paths.DataRoot, "ledger"));
        Directory.CreateSymbolicLink(Path.Combine(_drop.Paths.DataRoot, "alias"), Path.Combine(_drop.Paths.DataRoot, "ledger"));
        _drop.Add("a-owner", m => m["data_paths"] = new JsonArray("ledger/ledger.db"));
        _drop.Add("b-other", m => m["data_paths"] = new JsonArray("alias/ledger.db"));

        Assert.Contains("is the same file as X-A-OWNER's 'ledger/ledger.db'", AssertError("X-B-OTHER", "data_path_duplicate").Detail);
    }

    [Theory]
    [InlineData("reports/validation.json", "the validation reports")]
    [InlineData("reports", "the validation reports")]
    [InlineData("host/host.db", "the host's own state")]
    [InlineData("host/serving.json-journal", "the host's own state")]
    [InlineData("owner.key", "the owner's key")]
    [InlineData("owner.key-wal", "the owner's key")]
    [InlineData("backups/2026-01-01/ledger.db", "the backups")]
    public void A_data_path_on_a_host_owned_path_is_refused(string dataPath, string what)
    {
        _drop.Add("thief", m => m["data_paths"] = new JsonArray(dataPath));

        Assert.Contains(what, AssertError("X-THIEF", "data_path_host_owned").Detail);
    }

    [Fact]
    public void A_data_path_reaching_a_host_owned_folder_through_a_symlink_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_drop.Paths.DataRoot, "reports"));
        Directory.CreateSymbolicLink(Path.Combine(_drop.Paths.DataRoot, "innocent"), Path.Combine(_drop.Paths.DataRoot, "reports"));
        _drop.Add("thief", m => m["data_paths"] = new JsonArray("innocent/validation.json"));

        AssertError("X-THIEF", "data_path_host_owned");
    }

    [Fact]
    public void A_data_path_whose_folder_cannot_be_written_is_refused()
    {
        var locked = Path.Combine(_drop.Paths.DataRoot, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "blocker"), "");
        _drop.Add("blocked", m => m["data_paths"] = new JsonArray("locked/blocker/inner.db"));

        // "blocker" is a file, so no folder can be created under it, whatever the user's rights.
        Assert.Contains("cannot create files", AssertError("X-BLOCKED", "data_path_not_writable").Detail);
    }

    [Theory]
    [InlineData("core/budget")]
    [InlineData("/core/budget/")]
    [InlineData("/core/{id}")]
    [InlineData("/Core/Budget")]
    [InlineData("/")]
    public void A_malformed_route_prefix_is_refused(string prefix)
    {
        _drop.Add("route", m => m["route_prefix"] = prefix);

        Assert.Contains($"route_prefix '{prefix}'", AssertError("X-ROUTE", "route_prefix_invalid").Detail);
    }

    [Fact]
    public void Overlapping_route_prefixes_refuse_the_folder_that_comes_later_by_name()
    {
        _drop.Add("outer", m => m["route_prefix"] = "/core/budget");
        _drop.Add("inner", m => m["route_prefix"] = "/core/budget/extra");
        _drop.Add("neighbour", m => m["route_prefix"] = "/core/budgets");

        Assert.True(_drop.ValidateOne("X-INNER").IsValid);
        Assert.Contains("overlaps '/core/budget/extra' of X-INNER", AssertError("X-OUTER", "route_prefix_overlap").Detail);
        Assert.True(_drop.ValidateOne("X-NEIGHBOUR").IsValid);
    }

    [Theory]
    [InlineData("/.")]
    [InlineData("/..")]
    [InlineData("/core/./budget")]
    [InlineData("/core/..")]
    public void A_route_prefix_with_a_dot_segment_is_refused(string prefix)
    {
        _drop.Add("dots", m => m["route_prefix"] = prefix);

        Assert.Contains("no segment '.' or '..'", AssertError("X-DOTS", "route_prefix_invalid").Detail);
    }

    [Fact]
    public void A_route_prefix_with_dots_inside_a_segment_is_accepted()
    {
        _drop.Add("dotted", m => m["route_prefix"] = "/core/v1.2/.well");

        Assert.True(_drop.ValidateOne("X-DOTTED").IsValid);
    }

    [Theory]
    [InlineData("/host", "/host")]
    [InlineData("/host/keys", "/host")]
    [InlineData("/openapi/v2", "/openapi")]
    [InlineData("/scalar", "/scalar")]
    public void A_route_prefix_over_a_host_route_is_refused_naming_it(string prefix, string hostRoute)
    {
        _drop.Add("hostroute", m => m["route_prefix"] = prefix);

        Assert.Contains($"the host's {hostRoute}", AssertError("X-HOSTROUTE", "route_prefix_overlap").Detail);
    }

    [Fact]
    public void A_route_prefix_over_a_host_route_is_refused()
    {
        _drop.Add("health", m => m["route_prefix"] = "/health/packs");

        Assert.Contains("the host's /health", AssertError("X-HEALTH", "route_prefix_overlap").Detail);
    }

    [Fact]
    public void Checking_a_manifest_alone_reports_field_errors_without_files()
    {
        var manifest = new Contracts.PackManifest
        {
            Code = "bad code",
            Name = "Posted",
            Version = "1.0.0",
            Module = "Posted.Pack",
            RouterSymbol = "Posted.Pack.Entry",
            RoutePrefix = "/posted",
            Contracts = "1.0",
        };

        var findings = new PackValidator(_drop.Paths).CheckManifest(manifest);

        Assert.Equal(["code_invalid"], findings.Select(f => f.Code));
    }

    private Finding AssertError(string code, string findingCode)
    {
        var pack = _drop.ValidateOne(code);
        Assert.False(pack.IsValid);
        var finding = Assert.Single(pack.Findings, f => f.Code == findingCode);
        Assert.Equal(Severity.Error, finding.Severity);
        return finding;
    }
}
