using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;
using Valhalla.Host.Validation;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Validation;

/// <summary>One data path checked against a real temp data root, with real symbolic links: each finding whole.</summary>
public sealed class DataPathChecksTests : IDisposable
{
    private const string Pack = "X-A";
    private readonly TempDirectory _temp = new();

    public DataPathChecksTests()
    {
        Paths = new ValhallaPaths(_temp.Combine("data"), _temp.Combine("data", "packs"));
        Directory.CreateDirectory(Paths.DropFolder);
        Directory.CreateDirectory(Outside);
    }

    private ValhallaPaths Paths { get; }

    private string Outside => _temp.Combine("outside");

    private string Data(params string[] parts) => Path.Combine([Paths.DataRoot, .. parts]);

    [Fact]
    public void An_existing_file_inside_the_data_root_has_no_finding()
    {
        Directory.CreateDirectory(Data("budget"));
        File.WriteAllBytes(Data("budget", "budget.db"), []);

        Assert.Empty(Check("budget/budget.db"));
    }

    [Fact]
    public void A_missing_file_is_only_a_warning_and_the_write_check_leaves_nothing_behind()
    {
        Assert.Equal(
            [new Finding(Pack, Severity.Warning, FindingCodes.DataFileMissing, "A data file does not exist yet.",
                $"data_paths 'budget/budget.db' is not there yet; it will be created on first use at {Data("budget", "budget.db")}.")],
            Check("budget/budget.db"));
        Assert.Equal([Paths.DropFolder], Directory.EnumerateFileSystemEntries(Paths.DataRoot));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("budget/")]
    [InlineData("budget\\")]
    [InlineData("\0budget.db")]
    [InlineData("budget/bud\0get.db")]
    public void A_malformed_path_is_refused(string dataPath) =>
        Assert.Equal(
            [Error(FindingCodes.DataPathInvalid, "A data path is malformed.",
                $"data_paths '{dataPath}' must name a file relative to the data root, e.g. budget/budget.db.")],
            Check(dataPath));

    [Fact]
    public void An_absolute_path_is_refused() =>
        Assert.Equal(
            [Error(FindingCodes.DataPathAbsolute, "A data path is absolute.",
                $"data_paths '/abs/budget.db' must be relative to the data root ({Paths.DataRoot}), e.g. budget/budget.db.")],
            Check("/abs/budget.db"));

    [Fact]
    public void A_symbolic_link_loop_cannot_be_resolved_and_is_compared_as_written()
    {
        Directory.CreateSymbolicLink(Data("a"), Data("b"));
        Directory.CreateSymbolicLink(Data("b"), Data("a"));

        var finding = Assert.Single(Check("a/x.db"));

        Assert.Equal(
            (Pack, Severity.Error, FindingCodes.DataPathInvalid, "A data path cannot be resolved."),
            (finding.Pack, finding.Severity, finding.Code, finding.Title));
        Assert.StartsWith("data_paths 'a/x.db' passes through a symbolic link that cannot be resolved (", finding.Detail);
        Assert.EndsWith("). Use a plain path inside the data root.", finding.Detail);
        Assert.Equal(Data("a", "x.db"), DataPathChecks.CanonicalPath("a/x.db", Paths));
    }

    [Theory]
    [InlineData("../outside/x.db")]
    [InlineData("out/x.db")]
    [InlineData("one/x.db")]
    public void A_path_leaving_the_data_root_through_dots_or_links_is_refused(string dataPath)
    {
        Directory.CreateSymbolicLink(Data("out"), Outside);
        Directory.CreateSymbolicLink(Data("two"), Outside);
        Directory.CreateSymbolicLink(Data("one"), Data("two")); // a chain: resolved to its end, not one step

        Assert.Equal(
            [Error(FindingCodes.DataPathEscapesRoot, "A data path leaves the data root.",
                $"data_paths '{dataPath}' resolves to {Path.Combine(Outside, "x.db")}, outside the data root {Paths.DataRoot} (through '..' or a symbolic link). Use a path inside the data root.")],
            Check(dataPath));
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_followed()
    {
        File.WriteAllBytes(Path.Combine(Outside, "ledger.db"), []);
        File.CreateSymbolicLink(Data("ledger.db"), Path.Combine(Outside, "ledger.db"));

        Assert.Equal(
            [Error(FindingCodes.DataPathEscapesRoot, "A data path leaves the data root.",
                $"data_paths 'ledger.db' resolves to {Path.Combine(Outside, "ledger.db")}, outside the data root {Paths.DataRoot} (through '..' or a symbolic link). Use a path inside the data root.")],
            Check("ledger.db"));
        Assert.Equal(Path.Combine(Outside, "ledger.db"), DataPathChecks.CanonicalPath("ledger.db", Paths));
    }

    [Fact]
    public void A_dangling_symbolic_link_to_a_file_outside_is_followed()
    {
        File.CreateSymbolicLink(Data("ledger.db"), Path.Combine(Outside, "ledger.db")); // SQLite would create the target

        Assert.Equal(
            [Error(FindingCodes.DataPathEscapesRoot, "A data path leaves the data root.",
                $"data_paths 'ledger.db' resolves to {Path.Combine(Outside, "ledger.db")}, outside the data root {Paths.DataRoot} (through '..' or a symbolic link). Use a path inside the data root.")],
            Check("ledger.db"));
    }

    [Theory]
    [InlineData("packs/x.db")]
    [InlineData("via/x.db")]
    public void A_path_in_the_drop_folder_even_through_a_link_is_refused(string dataPath)
    {
        Directory.CreateSymbolicLink(Data("via"), Paths.DropFolder);

        Assert.Equal(
            [Error(FindingCodes.DataPathInDropFolder, "A data path lies in the drop folder.",
                $"data_paths '{dataPath}' lies in the drop folder {Paths.DropFolder}, where pack folders are replaced. Use a path such as x-a/x.db.")],
            Check(dataPath));
    }

    [Fact]
    public void A_path_in_a_host_owned_folder_that_is_itself_a_link_is_refused()
    {
        Directory.CreateDirectory(Data("state"));
        Directory.CreateSymbolicLink(Paths.HostFolder, Data("state"));

        Assert.Equal(
            [Error(FindingCodes.DataPathHostOwned, "A data path names a file the host owns.",
                $"data_paths 'state/x.db' resolves to {Data("state", "x.db")}, which belongs to the host's own state (its database, what was serving, quarantine, shadow copies) (host under the data root). The host writes there; use a path of the pack's own, e.g. x-a/x-a.db.")],
            Check("state/x.db"));
    }

    [Fact]
    public void A_side_file_is_refused() =>
        Assert.Equal(
            [Error(FindingCodes.DataPathInvalid, "A data path names one of SQLite's side files.",
                "data_paths 'budget/budget.db-wal' ends in -wal: SQLite keeps that file next to the database budget/budget.db and writes it itself. Name the database instead.")],
            Check("budget/budget.db-wal"));

    [Fact]
    public void A_file_standing_where_a_folder_must_be_created_is_not_writable()
    {
        File.WriteAllBytes(Data("blocker"), []);

        Assert.Equal(
            [Error(FindingCodes.DataPathNotWritable, "A data path's folder is not writable.",
                $"data_paths 'blocker/deeper/x.db': the host cannot create files in {Data("blocker", "deeper")}. Give the host write access to it.")],
            Check("blocker/deeper/x.db"));
    }

    [LinuxFact]
    public void A_folder_that_refuses_new_files_is_not_writable()
    {
        // procfs creates no files, even for root (a permission-denied folder cannot be made when the tests run as root).
        var proc = new ValhallaPaths("/proc/self", "/proc/self/packs");
        var folder = $"/proc/{Environment.ProcessId}";

        Assert.Equal(
            [Error(FindingCodes.DataPathNotWritable, "A data path's folder is not writable.",
                $"data_paths 'x.db': the host cannot create files in {folder}. Give the host write access to it.")],
            DataPathChecks.Check(Pack, "x.db", proc).ToList());
    }

    public void Dispose() => _temp.Dispose();

    private static Finding Error(string code, string title, string detail) => new(Pack, Severity.Error, code, title, detail);

    private List<Finding> Check(string dataPath) => [.. DataPathChecks.Check(Pack, dataPath, Paths)];
}
