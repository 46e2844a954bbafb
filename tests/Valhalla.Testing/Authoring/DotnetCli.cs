using System.Diagnostics;
using System.Text;

namespace Valhalla.Testing.Authoring;

/// <summary>
/// Runs <c>dotnet &lt;args&gt;</c> as a child process, the way a pack author runs it in a shell, and
/// fails with the command's whole output when it exits non-zero.
/// </summary>
/// <remarks>
/// A test runs inside <c>dotnet test</c>, which leaves MSBuild's own variables in the environment
/// (MSBuildExtensionsPath, MSBuildSDKsPath, MSBUILD_EXE_PATH…): a child build would load the
/// parent's MSBuild from them instead of resolving its own, so they are removed. Build servers are
/// disabled so that no MSBuild node or compiler server outlives the command holding its output open.
/// </remarks>
public static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet executable: the one running the tests when known, else <c>dotnet</c> on the PATH.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    /// <summary>Runs the command in <paramref name="workingDirectory"/> and returns its output (stdout and stderr).</summary>
    /// <exception cref="DotnetCliException">The command exited non-zero or took longer than five minutes.</exception>
    public static async Task<string> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        ScrubEnvironment(start.Environment);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new DotnetCliException(Describe(start), -1, clock.Elapsed, $"timed out after {Timeout.TotalMinutes} minutes\n{Text(output)}");
        }

        return process.ExitCode == 0 ? Text(output) : throw new DotnetCliException(Describe(start), process.ExitCode, clock.Elapsed, Text(output));
    }

    /// <summary>Removes what <c>dotnet test</c> left for its own MSBuild, and keeps build servers off.</summary>
    public static void ScrubEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            environment.Remove(name);
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }

    // MSBuildExtensionsPath, MSBuildSDKsPath, MSBuildLoadMicrosoftTargetsReadOnly, MSBUILD_EXE_PATH (set by some
    // IDE runners), _MSBUILDTLENABLED… They name the parent's SDK: harmless while the child resolves the same
    // SDK, wrong as soon as it resolves another (a global.json, another install).
    private static bool IsInheritedBuildVariable(string name) => name.TrimStart('_').StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Describe(ProcessStartInfo start) =>
        $"{start.FileName} {string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))} (in {start.WorkingDirectory})";
}
