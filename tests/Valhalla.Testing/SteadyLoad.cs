using System.Net;

namespace Valhalla.Testing;

/// <summary>A few clients sending GET requests back to back until stopped, recording every answer.</summary>
public sealed class SteadyLoad : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task<List<Answer>>> _clients;
    private int _count;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _target = int.MaxValue;

    public SteadyLoad(HttpClient client, string path, int clients)
    {
        _clients = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(() => RunAsync(client, path)))];
    }

    /// <summary>How many answers have arrived so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until at least <paramref name="requests"/> answers have arrived in all; call it once.</summary>
    public Task AtLeastAsync(int requests)
    {
        Volatile.Write(ref _target, requests);
        if (Volatile.Read(ref _count) >= requests)
        {
            _reached.TrySetResult();
        }

        return _reached.Task;
    }

    /// <summary>Stops the clients and returns every answer they got.</summary>
    public async Task<IReadOnlyList<Answer>> StopAsync()
    {
        await _stop.CancelAsync();
        return [.. (await Task.WhenAll(_clients)).SelectMany(a => a)];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task<List<Answer>> RunAsync(HttpClient client, string path)
    {
        var answers = new List<Answer>();
        while (!_stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync(path, CancellationToken.None);
            answers.Add(new Answer(response.StatusCode, response.Headers.TryGetValues("Valhalla-Pack", out var served) ? served.Single() : null));
            if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _target))
            {
                _reached.TrySetResult();
            }
        }

        return answers;
    }

    /// <summary>One answer: its status and the pack version that served it.</summary>
    public sealed record Answer(HttpStatusCode Status, string? ServedBy);
}
