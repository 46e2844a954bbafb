using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Fixtures.Unruly;

/// <summary>Ends the host's process while it is being started.</summary>
public sealed class ExitingPack : IPack
{
    public const int ExitCode = 42;

    public void ConfigureServices(IServiceCollection services, IPackContext context) => Environment.Exit(ExitCode);

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
    }
}

/// <summary>Serves, until asked to throw on a thread of its own: an unhandled exception ends the process.</summary>
public sealed class CrashingThreadPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ping", () => "pong");
        routes.MapPost("/crash", () =>
        {
            new Thread(Crash).Start();
            return TypedResults.Accepted((string?)null);
        });
    }

    private static void Crash() => throw new InvalidOperationException("CrashingThreadPack gives up.");
}

/// <summary>A pack on a full disk: writing fails with the operating system's "no space left on device".</summary>
public sealed class FullDiskPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    // /dev/full answers every write with ENOSPC, as a full disk does.
    public void MapRoutes(IEndpointRouteBuilder routes) =>
        routes.MapPost("/notes", async () =>
        {
            await using (var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write))
            {
                await full.WriteAsync(new byte[16]);
                await full.FlushAsync();
            }

            return TypedResults.Created();
        });
}
