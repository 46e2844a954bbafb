using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Valhalla.EndToEnd.Tests.Backups;

/// <summary>Clients posting transactions back to back until stopped, keeping the id of every acknowledged one.</summary>
internal sealed class LedgerWriters : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task[] _writers;
    private readonly int _target;

    public LedgerWriters(IReadOnlyList<HttpClient> clients, int warmUp)
    {
        _target = warmUp;
        _writers = [.. clients.Select((client, n) => Task.Run(async () =>
        {
            try
            {
                await WriteAsync(client, n);
            }
            catch (Exception ex)
            {
                _reached.TrySetException(ex);
                throw;
            }
        }))];
    }

    /// <summary>Completes once the warm-up number of writes has been acknowledged.</summary>
    public Task WarmedUp => _reached.Task;

    /// <summary>Every write acknowledged so far (a 201 received).</summary>
    public IReadOnlyList<string> Acknowledged => [.. _acknowledged];

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task WriteAsync(HttpClient client, int writer)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var response = await client.PostAsJsonAsync("core/transactions",
                new { tx_type = "income", amount = 1.25m, date = "2026-11-30", description = $"writer {writer} #{i}" }, CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"A write was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            _acknowledged.Enqueue((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
            if (_acknowledged.Count >= _target)
            {
                _reached.TrySetResult();
            }
        }
    }
}
