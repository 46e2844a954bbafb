using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Valhalla.Benchmarks;

/// <summary>A server in its own process on a free loopback port, started and timed until it answers.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, TimeSpan startup)
    {
        _process = process;
        Address = address;
        Startup = startup;
    }

    public Uri Address { get; }

    /// <summary>From process start to the first 200 from the readiness path.</summary>
    public TimeSpan Startup { get; }

    /// <summary>Peak resident memory so far (VmHWM), in MiB.</summary>
    public double PeakMemoryMiB
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
    }

    /// <summary>CPU time the process has used so far (user + system), from /proc; its resolution is the kernel's clock tick.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Runs <c>dotnet {dll} {args} --urls=…</c> and polls <paramref name="readyPath"/> until it answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, IEnumerable<string> args, string readyPath)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.ArgumentList.Add($"--urls={address.ToString().TrimEnd('/')}");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before answering.");
            }

            try
            {
                if ((await client.GetAsync(readyPath)).StatusCode == HttpStatusCode.OK)
                {
                    return new ServerProcess(process, address, clock.Elapsed);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the poll's timeout: poll again.
            }

            await Task.Delay(2);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"{dll} did not answer {readyPath} within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
