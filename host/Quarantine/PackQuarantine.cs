using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Valhalla.Host.Quarantine;

/// <summary>
/// Keeps, under <c>&lt;data root&gt;/host/</c>, what the host needs to notice that a pack ended its
/// process: <c>starting.json</c> names the packs whose start-up code is running (written and flushed
/// before it runs), <c>quarantine.json</c> the quarantined packs and the recent crashes while serving.
/// At the next start, <see cref="Recover"/> turns them into quarantines (<see cref="QuarantineRules"/>).
/// </summary>
internal sealed class PackQuarantine(string hostFolder, TimeProvider time, ILogger logger)
{
    public const string StartingFile = "starting.json";
    public const string QuarantineFile = "quarantine.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private readonly Lock _lock = new();
    private QuarantineState _state = QuarantineState.Empty;
    private List<StartingPack> _starting = [];

    /// <summary>Reads what the last process left and decides what to hold back; call once, before starting packs.</summary>
    public void Recover()
    {
        lock (_lock)
        {
            var left = Read<List<StartingPack>>(StartingFile) ?? [];
            _state = QuarantineRules.AtStart(Read<QuarantineState>(QuarantineFile) ?? QuarantineState.Empty, left, time.GetUtcNow());
            _starting = [];
            Save();
            Delete(StartingFile);
        }

        foreach (var held in _state.Quarantined)
        {
            logger.LogWarning("{Pack} is quarantined: {Reason}", held.Code, held.Reason);
        }
    }

    /// <summary>The packs held back, each with the files it was held back on, and the recent crashes.</summary>
    public QuarantineState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Lets <paramref name="code"/> start again (its files changed, or an admin reloads it).</summary>
    public void Lift(string code, string why)
    {
        lock (_lock)
        {
            if (_state.Quarantined.All(q => q.Code != code) && _state.Crashes.All(c => c.Code != code))
            {
                return;
            }

            _state = QuarantineRules.Lift(_state, code);
            Save();
        }

        logger.LogInformation("Lifted the quarantine of {Pack}: {Why}", code, why);
    }

    /// <summary>Records, on disk, that the start-up code of a pack is about to run.</summary>
    public void Starting(string code, string version, string fingerprint)
    {
        lock (_lock)
        {
            _starting.RemoveAll(s => s.Code == code);
            _starting.Add(new StartingPack(code, version, fingerprint, time.GetUtcNow()));
            Write(StartingFile, _starting);
        }
    }

    /// <summary>The start-up code of <paramref name="code"/> returned (well or not): it did not end the process.</summary>
    public void Started(string code)
    {
        lock (_lock)
        {
            if (_starting.RemoveAll(s => s.Code == code) > 0)
            {
                WriteStarting();
            }
        }
    }

    /// <summary>Records that a running pack is ending the process; runs as the process dies, so it never throws.</summary>
    public void RecordCrash(string code, string fingerprint, string what)
    {
        try
        {
            lock (_lock)
            {
                _state = _state with { Crashes = [.. _state.Crashes, new PackCrash(code, fingerprint, time.GetUtcNow(), what)] };
                Save();
            }

            logger.LogCritical("{Pack} is ending the host's process: {What}", code, what);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Dying anyway; the crash just goes unrecorded.
        }
    }

    /// <summary>The host stops normally: nothing that was still starting ended the process.</summary>
    public void Stopped()
    {
        lock (_lock)
        {
            _starting = [];
            Delete(StartingFile);
        }
    }

    private void WriteStarting()
    {
        if (_starting.Count == 0)
        {
            Delete(StartingFile);
        }
        else
        {
            Write(StartingFile, _starting);
        }
    }

    private void Save()
    {
        if (_state.Quarantined.Count == 0 && _state.Crashes.Count == 0)
        {
            Delete(QuarantineFile);
        }
        else
        {
            Write(QuarantineFile, _state);
        }
    }

    private T? Read<T>(string file) where T : class
    {
        var path = Path.Combine(hostFolder, file);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning("Ignoring {File}: {Reason}", path, ex.Message);
            return null;
        }
    }

    // A data root that cannot be written costs the crash protection, not the pack.
    private void Write<T>(string file, T value)
    {
        try
        {
            WriteFlushed(file, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {File} under {Folder}: {Reason}", file, hostFolder, ex.Message);
        }
    }

    // Flushed to the disk before the pack's code runs, and swapped in whole: a crash right after must find it.
    private void WriteFlushed<T>(string file, T value)
    {
        Directory.CreateDirectory(hostFolder);
        var path = Path.Combine(hostFolder, file);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, value, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private void Delete(string file)
    {
        try
        {
            File.Delete(Path.Combine(hostFolder, file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not delete {File} under {Folder}: {Reason}", file, hostFolder, ex.Message);
        }
    }
}
