using Xunit;

namespace Valhalla.Testing.Authoring;

/// <summary>
/// The pack author's kit, exercised as a pack author uses it: the contracts packed into a feed once,
/// the reminders sample built against that feed from a copy of its folder, and the valhalla-pack
/// template installed into a template cache of its own (never the user's). Expensive steps run once
/// and are shared; use it as an xunit collection fixture.
/// </summary>
public sealed class AuthoringKit : IAsyncLifetime
{
    /// <summary>The project name <see cref="TemplatePackAsync"/> generates.</summary>
    public const string TemplatePackName = "Acme.Garden";

    private readonly TempDirectory _temp = new();
    private readonly Lock _gate = new();
    private Task<string>? _sample;
    private Task<string>? _changedSample;
    private Task<string>? _brokenSample;
    private Task<string>? _templatePack;
    private Task? _templateInstalled;
    private int _builds;

    public ContractsFeed Feed { get; private set; } = null!;

    /// <summary>The template cache used by <see cref="NewFromTemplateAsync"/> (<c>--debug:custom-hive</c>).</summary>
    public string TemplateHive => _temp.Combine("template-hive");

    public async Task InitializeAsync() => Feed = await ContractsFeed.PackAsync();

    /// <summary>
    /// The reminders sample as it ships, built once: a ready-to-drop pack folder. The folders these
    /// methods return are shared by every test: copy them into a drop folder, never change them.
    /// </summary>
    public Task<string> SampleAsync() => Once(ref _sample, () => BuildSampleAsync());

    /// <summary>
    /// The sample after <see cref="SampleEdits.Changed"/> (title limit 20, version 1.0.1), built once:
    /// a new build of the same pack, e.g. to replace the shipped one.
    /// </summary>
    public Task<string> ChangedSampleAsync() => Once(ref _changedSample, () => BuildSampleAsync(SampleEdits.Changed()));

    /// <summary>
    /// The sample after <see cref="SampleEdits.BrokenMigration"/> (version 1.0.2), built once: it
    /// validates, but the host fails to migrate it.
    /// </summary>
    public Task<string> BrokenSampleAsync() => Once(ref _brokenSample, () => BuildSampleAsync(SampleEdits.BrokenMigration()));

    /// <summary>
    /// A pack generated from the template (<c>dotnet new valhalla-pack -n Acme.Garden</c> with the feed)
    /// and built with plain <c>dotnet build</c>, once: its bin/Debug/net10.0 folder, ready to drop.
    /// </summary>
    public Task<string> TemplatePackAsync() =>
        Once(ref _templatePack, async () => await BuildInPlaceAsync(await NewFromTemplateAsync(TemplatePackName)));

    /// <summary>
    /// Builds a copy of the reminders sample against <see cref="Feed"/>, after <paramref name="edit"/>
    /// (see <see cref="SampleEdits"/>), and returns its output folder, ready to drop. Each call builds anew.
    /// </summary>
    public Task<string> BuildSampleAsync(Action<ProjectCopy>? edit = null) => BuildCopyAsync(RepositoryPaths.RemindersSample, edit);

    /// <summary>Builds a copy of the pack project in <paramref name="projectFolder"/> against <see cref="Feed"/>.</summary>
    public async Task<string> BuildCopyAsync(string projectFolder, Action<ProjectCopy>? edit = null)
    {
        var build = _temp.Combine($"build-{Interlocked.Increment(ref _builds)}");
        var copy = ProjectCopy.Create(projectFolder, Path.Combine(build, "src", Path.GetFileName(projectFolder)));
        edit?.Invoke(copy);
        var output = Path.Combine(build, "out", copy.Name);
        await DotnetCli.RunAsync(copy.Folder,
            "build",
            "--configuration", "Release",
            "--output", output,
            $"-p:ValhallaContractsVersion={Feed.Version}",
            $"-p:RestoreAdditionalProjectSources={Feed.Folder}");
        return output;
    }

    /// <summary>
    /// Runs <c>dotnet new valhalla-pack -n <paramref name="name"/> --feed &lt;feed&gt; --contracts-version &lt;feed's version&gt;</c>
    /// plus <paramref name="options"/> in a folder of its own, and returns the generated project folder.
    /// </summary>
    public async Task<string> NewFromTemplateAsync(string name, params string[] options)
    {
        await Once(ref _templateInstalled, () => DotnetCli.RunAsync(_temp.Path, "new", "install", RepositoryPaths.PackTemplate, "--debug:custom-hive", TemplateHive));
        var folder = _temp.Combine($"new-{Interlocked.Increment(ref _builds)}", name);
        await DotnetCli.RunAsync(_temp.Path,
            ["new", "valhalla-pack", "--name", name, "--output", folder, "--feed", Feed.Folder, "--contracts-version", Feed.Version, "--debug:custom-hive", TemplateHive, .. options]);
        return folder;
    }

    /// <summary>Runs plain <c>dotnet build</c> in a generated project folder and returns bin/Debug/net10.0.</summary>
    public static async Task<string> BuildInPlaceAsync(string projectFolder)
    {
        await DotnetCli.RunAsync(projectFolder, "build");
        return Path.Combine(projectFolder, "bin", "Debug", "net10.0");
    }

    public Task DisposeAsync()
    {
        Feed?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    private Task<T> Once<T>(ref Task<T>? task, Func<Task<T>> start)
    {
        lock (_gate)
        {
            return task ??= start();
        }
    }

    private Task Once(ref Task? task, Func<Task> start)
    {
        lock (_gate)
        {
            return task ??= start();
        }
    }
}
