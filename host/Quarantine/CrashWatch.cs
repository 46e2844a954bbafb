using System.Diagnostics;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Quarantine;

/// <summary>
/// Records, as the process ends, the running pack whose code ended it: an unhandled exception on its own
/// thread, or its call to <see cref="Environment.Exit(int)"/>. See <see cref="PackQuarantine"/>.
/// </summary>
internal sealed class CrashWatch(PackQuarantine quarantine, Func<IReadOnlyList<PackRuntime>> running)
{
    /// <summary>True once the process has begun to end (Environment.Exit also disposes the host).</summary>
    public bool ProcessEnding { get; private set; }

    public void Attach()
    {
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public void Detach()
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    // A pack's own thread threw and nothing caught it: the runtime ends the process after this returns.
    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is Exception ex && CrashAttribution.OwnerOf(ex, running()) is { } owner)
        {
            quarantine.RecordCrash(owner.Code, owner.Source.Fingerprint.Hash, $"an unhandled {ex.GetType().Name} on its own thread: {ex.Message}");
        }
    }

    // Environment.Exit runs this on the thread that called it: pack code on the stack ended the process.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        ProcessEnding = true;
        if (CrashAttribution.OwnerOf(new StackTrace(), running()) is { } owner)
        {
            quarantine.RecordCrash(owner.Code, owner.Source.Fingerprint.Hash, "it called Environment.Exit");
        }
    }
}
