using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Access;

/// <summary>
/// Opens the keys before the host listens (creating the owner key on a first start), then re-reads
/// them every <see cref="AccessOptions.RefreshMs"/>, so a key revoked by the <c>keys</c> command in
/// another process stops working in a running host within a second.
/// </summary>
internal sealed class KeyRefresher(
    KeyDirectory keys, ValhallaPaths paths, IOptions<AccessOptions> options, TimeProvider time, ILogger<KeyRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await OwnerKey.EnsureAsync(keys, paths.OwnerKeyFile, cancellationToken) is { } file)
        {
            logger.LogWarning("First start: created the owner key (admin). It is in {OwnerKeyFile}, readable only by you; send it as 'Authorization: Bearer <key>'.", file);
        }

        await keys.RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.RefreshMs), time);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await keys.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not re-read the API keys; the ones read last stay in force");
            }
        }

        try
        {
            await keys.RefreshAsync(CancellationToken.None); // saves the last-used times noted since the last pass
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not save when keys were last used");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
