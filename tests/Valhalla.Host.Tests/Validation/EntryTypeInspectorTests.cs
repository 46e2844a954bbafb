using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

/// <summary>The edges of the entry type's metadata checks (EntryTypeInspector), through the validator.</summary>
public sealed class EntryTypeInspectorTests : IDisposable
{
    private readonly DropFolder _drop = new();

    public void Dispose() => _drop.Dispose();

    [Theory]
    [InlineData("Valhalla.Fixtures.Packs.DerivedPack")]
    [InlineData("Valhalla.Fixtures.Packs.Deep31")]
    public void A_pack_through_its_base_classes_is_a_pack(string routerSymbol)
    {
        _drop.Add("entry", m => m["router_symbol"] = routerSymbol);

        Assert.Equal(["data_file_missing"], _drop.ValidateOne("X-ENTRY").Findings.Select(f => f.Code));
    }

    [Theory]
    [InlineData("Valhalla.Fixtures.Packs.Deep32")]
    [InlineData("Valhalla.Fixtures.Packs.LocalInterfacePack")]
    [InlineData("Valhalla.Fixtures.Packs.ContextNotAPack")]
    public void Base_classes_are_followed_32_deep_and_only_the_contracts_IPack_counts(string routerSymbol)
    {
        _drop.Add("entry", m => m["router_symbol"] = routerSymbol);

        var finding = AssertOnlyError(_drop.ValidateOne("X-ENTRY"), "entry_type_not_ipack");

        Assert.Equal("The entry type is not a pack.", finding.Title);
        Assert.Equal($"router_symbol '{routerSymbol}' does not implement Valhalla.Contracts.IPack. Implement IPack on it.", finding.Detail);
    }

    [Fact]
    public void A_private_parameterless_constructor_does_not_count()
    {
        _drop.Add("entry", m => m["router_symbol"] = "Valhalla.Fixtures.Packs.PrivateConstructorPack");

        var finding = AssertOnlyError(_drop.ValidateOne("X-ENTRY"), "entry_type_no_default_constructor");

        Assert.Equal("The entry type has no parameterless constructor.", finding.Title);
    }

    [Fact]
    public void A_generic_constructor_is_read_past_its_type_parameter_count()
    {
        var folder = _drop.Add("generic", m => m["router_symbol"] = "Valhalla.Fixtures.Packs.NoDefaultConstructorPack");
        PeImages.MakeStringConstructorGeneric(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), "Valhalla.Fixtures.Packs.NoDefaultConstructorPack");

        // .ctor<T>() has no parameters: its one type parameter is not counted as one.
        Assert.Equal(["data_file_missing"], _drop.ValidateOne("X-GENERIC").Findings.Select(f => f.Code));
    }

    [Theory]
    [InlineData("<Module>")] // no dot: the global namespace
    [InlineData(".<Module>")] // a leading dot: the global namespace too
    public void A_symbol_without_a_namespace_is_looked_up_in_the_global_namespace(string routerSymbol)
    {
        // Every assembly has the non-public type <Module> in the global namespace: found, it is refused as not public, not as missing.
        _drop.Add("entry", m => m["router_symbol"] = routerSymbol);

        var findings = _drop.ValidateOne("X-ENTRY").Findings.Select(f => f.Code).ToList();

        Assert.Contains("entry_type_not_public", findings);
        Assert.DoesNotContain("entry_type_missing", findings);
    }

    [Fact]
    public void A_module_file_that_is_not_an_assembly_is_refused_with_the_reason()
    {
        var folder = _drop.Add("garbage");
        File.WriteAllText(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), "not a dll");

        var finding = AssertOnlyError(_drop.ValidateOne("X-GARBAGE"), "module_unreadable");

        Assert.Equal("The module is not a .NET assembly.", finding.Title);
        Assert.StartsWith("module Valhalla.Fixtures.Packs.dll could not be read: ", finding.Detail);
        Assert.EndsWith(". Drop the pack's build output, not another file under that name.", finding.Detail);
    }

    [Fact]
    public void A_module_that_is_a_native_image_is_refused_as_having_no_metadata()
    {
        var folder = _drop.Add("native");
        var module = Path.Combine(folder, "Valhalla.Fixtures.Packs.dll");
        var managed = Path.Combine(folder, "managed.tmp");
        File.Move(module, managed);
        PeImages.CopyWithoutMetadata(managed, module);
        File.Delete(managed);

        var finding = AssertOnlyError(_drop.ValidateOne("X-NATIVE"), "module_unreadable");

        Assert.Equal("The module is not a .NET assembly.", finding.Title);
        Assert.Equal("module Valhalla.Fixtures.Packs.dll could not be read: it has no .NET metadata. Drop the pack's build output, not another file under that name.", finding.Detail);
    }

    private static Finding AssertOnlyError(ValidatedPack pack, string code)
    {
        Assert.False(pack.IsValid);
        Assert.Equal(["data_file_missing", code], pack.Findings.Select(f => f.Code).Order(StringComparer.Ordinal));
        var finding = pack.Findings.Single(f => f.Code == code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(pack.Code, finding.Pack);
        return finding;
    }
}
