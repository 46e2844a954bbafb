using Valhalla.Host.Validation;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Validation;

/// <summary>
/// The probe asks the disk; the guess is only what it answers where the disk cannot be asked, so each test passes
/// the guess the disk would not give. Linux here (ext4, tmpfs) keeps case: a folding file system cannot be made.
/// </summary>
public sealed class FileSystemCaseTests
{
    private const StringComparison NotLinux = StringComparison.OrdinalIgnoreCase;

    [LinuxFact]
    public void A_case_keeping_folder_is_compared_ordinally_and_the_probe_leaves_nothing_behind()
    {
        using var temp = new TempDirectory();

        Assert.Equal(StringComparison.Ordinal, FileSystemCase.Probe(temp.Path, NotLinux));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [LinuxFact]
    public void A_folder_not_there_yet_is_probed_at_its_nearest_existing_parent()
    {
        using var temp = new TempDirectory();

        Assert.Equal(StringComparison.Ordinal, FileSystemCase.Probe(temp.Combine("not", "yet"), NotLinux));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [LinuxFact]
    public void A_folder_that_refuses_new_files_gets_the_guess() =>
        Assert.Equal(NotLinux, FileSystemCase.Probe("/proc/self", NotLinux)); // procfs creates no files, even for root

    [Fact]
    public void A_path_with_no_existing_folder_at_all_gets_the_guess()
    {
        Assert.Equal(NotLinux, FileSystemCase.Probe("", NotLinux));
        Assert.Equal(StringComparison.Ordinal, FileSystemCase.Probe($"no-such-{Guid.NewGuid():N}", StringComparison.Ordinal));
        Assert.Equal(NotLinux, FileSystemCase.Probe($"no-such-{Guid.NewGuid():N}", NotLinux));
    }

    [LinuxFact]
    public void On_linux_the_guess_keeps_case_and_a_folder_is_asked_once()
    {
        using var temp = new TempDirectory();

        Assert.Equal(StringComparison.Ordinal, FileSystemCase.Guess);
        Assert.Equal(StringComparison.Ordinal, FileSystemCase.ComparisonFor(temp.Path));
        Assert.Equal(StringComparison.Ordinal, FileSystemCase.ComparisonFor(temp.Path));
    }
}
