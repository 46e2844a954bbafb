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
