using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Valhalla.Testing;

/// <summary>
/// The built host (host/bin/…/Valhalla.Host.dll) run as a process of its own over a test's folders,
/// for what a host in the test process cannot show: a pack ending the process, SIGTERM.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _ownerKeyFile;
    private HttpClient? _client;

    private HostProcess(Process process, string ownerKeyFile)
    {
        _process = process;
        _ownerKeyFile = ownerKeyFile;
    }

    /// <summary>A client for the host carrying its owner key, once <see cref="ListeningAsync"/> has returned an address.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The host is not listening.");

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static HostProcess Start(HostFolders folders, params string[] extraArgs)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folders.DataRoot,
        };
        Directory.CreateDirectory(folders.DataRoot);
        foreach (var arg in (string[])[HostDll(), "--urls=http://127.0.0.1:0", .. folders.HostArgs, "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", "--Logging:Console:ColorBehavior=Disabled", .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        var host = new HostProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, Path.Combine(folders.DataRoot, "owner.key"));
        host._process.OutputDataReceived += (_, e) => host.Read(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Read(e.Data);
        host._process.Exited += (_, _) => host._listening.TrySetResult(null);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The address the host listens on, or null when the process ended before it listened.</summary>
    public async Task<Uri?> ListeningAsync()
    {
        var address = await _listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        if (address is not null && _client is null)
        {
            // The host writes its owner key on a first start, before it listens.
            _client = new HttpClient { BaseAddress = address };
            _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await File.ReadAllTextAsync(_ownerKeyFile)).Trim());
        }

        return address;
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>docker stop</c> does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL (kill -9): the process ends at once, with no shutdown code run; returns when it has ended.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["address"].Value + "/"));
        }
    }

    private static string HostDll()
    {
        var metadata = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var dll = Path.Combine(metadata["RepoRoot"]!, "host", "bin", metadata["Configuration"]!, "net10.0", "Valhalla.Host.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"No built host at {dll}; build the solution first.");
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex Listening();
}
