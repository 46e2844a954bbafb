using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

/// <summary>What a pack folder may carry (PackFolderChecks): whole findings, and the files that are not assemblies.</summary>
public sealed class PackFolderChecksTests : IDisposable
{
    private const string ContractsAdvice = " must not be in the pack folder: the host's copy is the only one. Reference the contracts with <Private>false</Private> and <ExcludeAssets>runtime</ExcludeAssets>.";
    private const string SqliteAdvice = " must not be in the pack folder: the host owns SQLite and hands packs connections through IPackDatabase. Remove the Microsoft.Data.Sqlite / SQLitePCLRaw reference.";

    private readonly DropFolder _drop = new();

    public void Dispose() => _drop.Dispose();

    private static string Contracts => typeof(IPack).Assembly.Location;

    private static string Sqlite => typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.Location;

    [Theory]
    [InlineData("Valhalla.Contracts.dll", "Valhalla.Contracts.dll")] // under its own name: not named twice
    [InlineData("Helpers.exe", "Helpers.exe (assembly Valhalla.Contracts)")] // an .exe is an assembly too
    [InlineData("lib/Helpers.DLL", "lib/Helpers.DLL (assembly Valhalla.Contracts)")]
    public void A_copy_of_the_contracts_is_refused_naming_its_file_and_assembly(string file, string named)
    {
        Drop(Contracts, "copy", file);

        var finding = AssertOnlyError("X-COPY", "ships_contracts");

        Assert.Equal("The pack ships its own Valhalla.Contracts.", finding.Title);
        Assert.Equal(named + ContractsAdvice, finding.Detail);
    }

    [Theory]
    [InlineData("Microsoft.Data.Sqlite.dll", true)] // the real assembly under its own name
    [InlineData("Microsoft.Data.Sqlite.dll", false)] // by its name alone
    [InlineData("SQLitePCLRaw.core.dll", false)]
    [InlineData("runtimes/linux-x64/native/libe_sqlite3.so", false)]
    public void A_copy_of_the_sqlite_provider_is_refused_by_name_naming_only_its_file(string file, bool real)
    {
        if (real)
        {
            Drop(Sqlite, "copy", file);
        }
        else
        {
            var path = Path.Combine(_drop.Add("copy"), file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "not an assembly");
        }

        var finding = AssertOnlyError("X-COPY", "ships_sqlite_provider");

        Assert.Equal("The pack ships its own SQLite provider.", finding.Title);
        Assert.Equal(file + SqliteAdvice, finding.Detail);
    }

    [Theory]
    [InlineData("contracts.bin")] // an assembly under another extension is data, not code that loads
    [InlineData("Helpers.txt")]
    public void Only_dll_and_exe_files_are_read_as_assemblies(string file)
    {
        Drop(Contracts, "data", file);

        Assert.True(_drop.ValidateOne("X-DATA").IsValid);
    }

    [Fact]
    public void A_provider_package_file_that_is_not_a_library_is_not_refused()
    {
        var folder = _drop.Add("docs");
        File.WriteAllText(Path.Combine(folder, "SQLitePCLRaw.core.xml"), "<doc />"); // the package's documentation

        Assert.True(_drop.ValidateOne("X-DOCS").IsValid);
    }

    [Fact]
    public void A_native_dll_and_a_module_without_an_assembly_are_not_assemblies()
    {
        var folder = _drop.Add("native");
        PeImages.CopyWithoutMetadata(Contracts, Path.Combine(folder, "native.dll"));
        PeImages.WriteModuleWithoutAssembly(Path.Combine(folder, "helpers.dll"));

        Assert.True(_drop.ValidateOne("X-NATIVE").IsValid);
    }

    [Fact]
    public void A_missing_assembly_is_refused_with_the_whole_finding()
    {
        var folder = _drop.Add("module", m => m["module"] = "Valhalla.Fixtures.Missing");

        var finding = AssertOnlyError("X-MODULE", "module_missing");

        Assert.Equal("The pack's assembly is missing.", finding.Title);
        Assert.Equal($"module 'Valhalla.Fixtures.Missing' needs Valhalla.Fixtures.Missing.dll in {folder}. Copy the pack's whole build output into the folder, or fix module.", finding.Detail);
    }

    [Theory]
    [InlineData("/Valhalla.Fixtures.Packs")]
    [InlineData("lib/Valhalla.Fixtures.Packs")]
    public void A_module_with_a_folder_is_refused_once_as_a_malformed_name(string module)
    {
        _drop.Add("module", m => m["module"] = module);

        var finding = AssertOnlyError("X-MODULE", "module_missing");

        Assert.Equal("The module name is not an assembly name.", finding.Title);
    }

    private void Drop(string source, string folder, string file)
    {
        var path = Path.Combine(_drop.Add(folder), file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path);
    }

    private Finding AssertOnlyError(string code, string findingCode)
    {
        var pack = _drop.ValidateOne(code);
        Assert.False(pack.IsValid);
        Assert.Equal(["data_file_missing", findingCode], pack.Findings.Select(f => f.Code).Order(StringComparer.Ordinal));
        var finding = pack.Findings.Single(f => f.Code == findingCode);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(code, finding.Pack);
        return finding;
    }
}
