using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

public sealed class PackValidatorTests : IDisposable
{
    private readonly DropFolder _drop = new();

    public void Dispose() => _drop.Dispose();

    [Fact]
    public void A_good_pack_is_valid_with_a_warning_that_its_data_file_is_created_on_first_use()
    {
        _drop.Add("good");

        var pack = _drop.ValidateOne("X-GOOD");

        Assert.True(pack.IsValid);
        var warning = Assert.Single(pack.Findings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("data_file_missing", warning.Code);
        Assert.Contains("created on first use", warning.Detail);
    }

    [Theory]
    [InlineData("Valhalla.Fixtures.Packs.NoSuchPack", "entry_type_missing", "router_symbol 'Valhalla.Fixtures.Packs.NoSuchPack' names no type")]
    [InlineData("Valhalla.Fixtures.Packs.InternalPack", "entry_type_not_public", "Make the class public")]
    [InlineData("Valhalla.Fixtures.Packs.AbstractPack", "entry_type_abstract", "Point it at a concrete class")]
    [InlineData("Valhalla.Fixtures.Packs.NotAPack", "entry_type_not_ipack", "does not implement Valhalla.Contracts.IPack")]
    [InlineData("Valhalla.Fixtures.Packs.NoDefaultConstructorPack", "entry_type_no_default_constructor", "public constructor without parameters")]
    public void A_bad_entry_type_is_refused_from_metadata_without_running_it(string routerSymbol, string code, string detail)
    {
        _drop.Add("entry", m => m["router_symbol"] = routerSymbol);

        var finding = AssertError(_drop.ValidateOne("X-ENTRY"), code);

        Assert.Contains(detail, finding.Detail);
    }

    [Fact]
    public void Invalid_json_is_an_error_for_that_pack_only()
    {
        _drop.Add("good");
        File.WriteAllText(Path.Combine(_drop.Add("broken"), "pack.json"), "{ \"code\": \"X-BROKEN\", ");

        var packs = _drop.Validate();

        Assert.True(packs.Single(p => p.Code == "X-GOOD").IsValid);
        var finding = AssertError(packs.Single(p => p.Pack.FolderName == "broken"), "manifest_unreadable");
        Assert.Contains("pack.json could not be parsed", finding.Detail);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var folder = _drop.Add("partial", m => m.Remove("router_symbol"));

        var finding = AssertError(_drop.Validate().Single(p => p.Pack.Folder == folder), "manifest_invalid");

        Assert.Contains("router_symbol", finding.Detail);
    }

    [Fact]
    public void An_unknown_manifest_field_is_named()
    {
        var folder = _drop.Add("typo", m => m["route_prefx"] = "/x");

        var finding = AssertError(_drop.Validate().Single(p => p.Pack.Folder == folder), "manifest_unknown_field");

        Assert.Contains("route_prefx", finding.Detail);
    }

    [Fact]
    public void A_malformed_code_is_refused()
    {
        _drop.Add("lower", m => m["code"] = "p-budget-1");

        Assert.Contains("e.g. P-BUDGET-1", AssertError(_drop.ValidateOne("p-budget-1"), "code_invalid").Detail);
    }

    [Fact]
    public void Of_two_folders_with_one_code_the_first_by_name_keeps_it_on_a_first_start()
    {
        _drop.Add("first", m => m["code"] = "X-SAME");
        _drop.Add("second", m => m["code"] = "X-SAME");

        var packs = _drop.Validate().Where(p => p.Code == "X-SAME").ToList();

        Assert.True(packs.Single(p => p.Pack.FolderName == "first").IsValid);
        Assert.Contains("folder first keeps it: neither was serving, and first comes first in ordinal folder-name order",
            AssertError(packs.Single(p => p.Pack.FolderName == "second"), "code_duplicate").Detail);
    }

    [Fact]
    public void Of_two_folders_with_one_code_the_one_that_was_serving_keeps_it()
    {
        _drop.Add("first", m => m["code"] = "X-SAME");
        _drop.Add("second", m => m["code"] = "X-SAME");

        var packs = _drop.Validate([new ServingPack("X-SAME", "second")]).Where(p => p.Code == "X-SAME").ToList();

        Assert.True(packs.Single(p => p.Pack.FolderName == "second").IsValid);
        Assert.Contains("folder second keeps it: it was serving", AssertError(packs.Single(p => p.Pack.FolderName == "first"), "code_duplicate").Detail);
    }

    [Fact]
    public void A_folder_renamed_since_it_served_keeps_its_prefix_over_a_newcomer_that_sorts_first()
    {
        _drop.Add("b-renamed", m => m["route_prefix"] = "/fixtures/shared");
        _drop.Add("a-newcomer", m => m["route_prefix"] = "/fixtures/shared");

        var packs = _drop.Validate([new ServingPack("X-B-RENAMED", "gone")]);

        Assert.True(packs.Single(p => p.Code == "X-B-RENAMED").IsValid);
        Assert.Contains("it holds X-B-RENAMED, which was serving",
            AssertError(packs.Single(p => p.Code == "X-A-NEWCOMER"), "route_prefix_overlap").Detail);
    }

    [Fact]
    public void A_renamed_folder_keeps_its_prefix_while_other_packs_were_serving_too()
    {
        _drop.Add("b-renamed", m => m["route_prefix"] = "/fixtures/shared");
        _drop.Add("a-newcomer", m => m["route_prefix"] = "/fixtures/shared");

        var packs = _drop.Validate([new ServingPack("X-ELSEWHERE", "elsewhere"), new ServingPack("X-B-RENAMED", "gone")]);

        Assert.True(packs.Single(p => p.Code == "X-B-RENAMED").IsValid);
        Assert.Contains("it holds X-B-RENAMED, which was serving",
            AssertError(packs.Single(p => p.Code == "X-A-NEWCOMER"), "route_prefix_overlap").Detail);
    }

    [Fact]
    public void A_serving_folder_whose_claims_changed_still_keeps_its_prefix_over_a_newcomer_that_sorts_first()
    {
        _drop.Add("b-changed", m => m["route_prefix"] = "/fixtures/shared");
        _drop.Add("a-newcomer", m => m["route_prefix"] = "/fixtures/shared");

        var packs = _drop.Validate([new ServingPack("X-B-CHANGED", "b-changed", "/fixtures/before")]);

        Assert.True(packs.Single(p => p.Code == "X-B-CHANGED").IsValid);
        Assert.Contains("it holds X-B-CHANGED, which was serving",
            AssertError(packs.Single(p => p.Code == "X-A-NEWCOMER"), "route_prefix_overlap").Detail);
    }

    [Theory]
    [InlineData("/etc/shared.db", "data_path_absolute")]
    [InlineData("\0shared.db", "data_path_invalid")]
    public void An_unusable_data_path_claims_nothing_even_for_the_folder_that_was_serving(string dataPath, string code)
    {
        // A serving folder holds its claims even while invalid; an unusable path is not one of them.
        _drop.Add("a-served", m => m["data_paths"] = new JsonArray(dataPath));
        _drop.Add("b-other", m => m["data_paths"] = new JsonArray(dataPath));

        var packs = _drop.Validate([new ServingPack("X-A-SERVED", "a-served")]);

        Assert.Equal([code], packs.Single(p => p.Code == "X-B-OTHER").Findings.Select(f => f.Code));
        Assert.Equal([code], packs.Single(p => p.Code == "X-A-SERVED").Findings.Select(f => f.Code));
    }

    [Fact]
    public void A_malformed_route_prefix_claims_nothing_even_for_the_folder_that_was_serving()
    {
        _drop.Add("a-served", m => m["route_prefix"] = "fixtures/shared");
        _drop.Add("b-other", m => m["route_prefix"] = "fixtures/shared");

        var packs = _drop.Validate([new ServingPack("X-A-SERVED", "a-served")]);

        Assert.Equal(["route_prefix_invalid"], packs.Single(p => p.Code == "X-B-OTHER").Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code));
    }

    [Fact]
    public void New_files_of_a_serving_pack_cannot_take_the_prefix_of_another_serving_pack()
    {
        _drop.Add("a-changed", m => m["route_prefix"] = "/fixtures/b-steady/sub");
        _drop.Add("b-steady");

        var packs = _drop.Validate(
            [new ServingPack("X-A-CHANGED", "a-changed", "/fixtures/a-changed", ["fixtures/a-changed.db"]), new ServingPack("X-B-STEADY", "b-steady", "/fixtures/b-steady", ["fixtures/b-steady.db"])]);

        Assert.True(packs.Single(p => p.Code == "X-B-STEADY").IsValid);
        Assert.Contains("folder b-steady keeps it: it was serving", AssertError(packs.Single(p => p.Code == "X-A-CHANGED"), "route_prefix_overlap").Detail);
    }

    [Fact]
    public void A_broken_copy_that_sorts_first_does_not_displace_a_valid_pack()
    {
        _drop.Add("a-broken", m =>
        {
            m["code"] = "X-SAME";
            m["router_symbol"] = "Valhalla.Fixtures.Packs.NotAPack";
        });
        _drop.Add("b-good", m => m["code"] = "X-SAME");

        var packs = _drop.Validate().Where(p => p.Code == "X-SAME").ToList();

        Assert.True(packs.Single(p => p.Pack.FolderName == "b-good").IsValid);
        Assert.Contains("its files are valid and this folder's are not", AssertError(packs.Single(p => p.Pack.FolderName == "a-broken"), "code_duplicate").Detail);
    }

    [Theory]
    [InlineData("Helpers.dll", "ships_contracts", "Valhalla.Contracts")]
    [InlineData("Storage.dll", "ships_sqlite_provider", "Microsoft.Data.Sqlite")]
    [InlineData("Native.dll", "ships_sqlite_provider", "SQLitePCLRaw.core")]
    public void A_renamed_copy_of_a_shared_assembly_is_refused_by_its_metadata_name(string fileName, string code, string assembly)
    {
        var source = assembly switch
        {
            "Valhalla.Contracts" => typeof(IPack).Assembly.Location,
            "Microsoft.Data.Sqlite" => typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.Location,
            _ => typeof(SQLitePCL.raw).Assembly.Location,
        };
        File.Copy(source, Path.Combine(_drop.Add("renamed"), fileName));

        Assert.Contains($"{fileName} (assembly {assembly})", AssertError(_drop.ValidateOne("X-RENAMED"), code).Detail);
    }

    [Fact]
    public void A_malformed_version_is_refused()
    {
        _drop.Add("version", m => m["version"] = "one");

        Assert.Contains("version 'one'", AssertError(_drop.ValidateOne("X-VERSION"), "version_invalid").Detail);
    }

    [Fact]
    public void A_missing_assembly_is_refused()
    {
        _drop.Add("module", m => m["module"] = "Valhalla.Fixtures.Missing");

        Assert.Contains("Valhalla.Fixtures.Missing.dll", AssertError(_drop.ValidateOne("X-MODULE"), "module_missing").Detail);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_refused()
    {
        var folder = _drop.Add("garbage");
        File.WriteAllText(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), "not a dll");

        Assert.Contains("could not be read", AssertError(_drop.ValidateOne("X-GARBAGE"), "module_unreadable").Detail);
    }

    [Fact]
    public void Another_contracts_major_version_is_refused()
    {
        _drop.Add("future", m => m["contracts"] = "2.0");

        Assert.Contains($"this host offers {ContractsVersion.Current}", AssertError(_drop.ValidateOne("X-FUTURE"), "contracts_major_mismatch").Detail);
    }

    [Fact]
    public void A_pack_built_against_newer_contracts_of_the_same_major_is_refused()
    {
        _drop.Add("newer", m => m["contracts"] = $"{ContractsVersion.Major}.{ContractsVersion.Minor + 1}");

        AssertError(_drop.ValidateOne("X-NEWER"), "contracts_minor_newer");
    }

    [Fact]
    public void A_pack_built_against_older_contracts_of_the_same_major_is_accepted()
    {
        _drop.Add("older", m => m["contracts"] = $"{ContractsVersion.Major}.0");

        Assert.True(_drop.ValidateOne("X-OLDER").IsValid);
    }

    [Fact]
    public void A_pack_assembly_built_against_newer_contracts_is_refused_before_the_runtime_refuses_it()
    {
        var folder = _drop.Add("newref");
        var host = typeof(ContractsVersion).Assembly.GetName().Version!;
        AssemblyReferences.Rewrite(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), "Valhalla.Contracts", new Version(host.Major, host.Minor + 1, 0, 0));

        Assert.Contains("would fail to load", AssertError(_drop.ValidateOne("X-NEWREF"), "contracts_minor_newer").Detail);
    }

    [Fact]
    public void A_contracts_version_too_large_for_a_number_is_refused_not_a_crash()
    {
        _drop.Add("huge", m => m["contracts"] = "1.99999999999999999999");

        AssertError(_drop.ValidateOne("X-HUGE"), "contracts_minor_newer");
    }

    [Fact]
    public void A_malformed_contracts_version_is_refused()
    {
        _drop.Add("contracts", m => m["contracts"] = "v1");

        Assert.Contains("MAJOR.MINOR", AssertError(_drop.ValidateOne("X-CONTRACTS"), "contracts_invalid").Detail);
    }

    [Fact]
    public void A_pack_shipping_its_own_contracts_is_refused()
    {
        var folder = _drop.Add("ships");
        File.Copy(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), Path.Combine(folder, "Valhalla.Contracts.dll"));

        Assert.Contains("<Private>false</Private>", AssertError(_drop.ValidateOne("X-SHIPS"), "ships_contracts").Detail);
    }

    [Fact]
    public void A_pack_shipping_its_own_sqlite_provider_is_refused()
    {
        var folder = _drop.Add("sqlite");
        Directory.CreateDirectory(Path.Combine(folder, "runtimes", "linux-x64", "native"));
        File.WriteAllText(Path.Combine(folder, "runtimes", "linux-x64", "native", "libe_sqlite3.so"), "");

        Assert.Contains("libe_sqlite3.so", AssertError(_drop.ValidateOne("X-SQLITE"), "ships_sqlite_provider").Detail);
    }

    private static Finding AssertError(Host.Validation.ValidatedPack pack, string code)
    {
        Assert.False(pack.IsValid);
        var finding = Assert.Single(pack.Findings, f => f.Code == code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(pack.Code, finding.Pack);
        return finding;
    }
}
