using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Packs.Registry;

/// <summary>The registry's routes under <c>/core/packs</c>.</summary>
public static class PacksApi
{
    public static IEndpointRouteBuilder MapPacksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("", ListPacks)
            .WithName("ListPacks").WithSummary("Every known pack with its status; ?tag= filters; paging with limit and offset.");
        api.MapPost("", RegisterPack)
            .WithName("RegisterPack").WithSummary("Registers a manifest (the record pack.json holds). Needs an admin key.")
            .RequireScope(AccessScope.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/validate", ValidatePacks)
            .WithName("ValidatePacks").WithSummary("Re-runs validation over the drop folder.");
        api.MapGet("/{code}", GetPack)
            .WithName("GetPack").WithSummary("One pack: status, routes, data paths, errors and warnings.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{code}/reload", ReloadPack)
            .WithName("ReloadPack").WithSummary("Reloads a pack from its folder in the drop folder; its old copy serves until the new one is mounted. Needs an admin key.")
            .RequireScope(AccessScope.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Parses the list's query: a blank tag matches every pack; a limit or offset out of range is a 400 naming it.</summary>
    public static PackFilter Filter(PackQuery query) =>
        new(string.IsNullOrWhiteSpace(query.Tag) ? null : query.Tag, PackPage.Check(query.Limit, query.Offset));

    private static async Task<Ok<PackList>> ListPacks(RegistryService registry, [AsParameters] PackQuery query, CancellationToken ct)
    {
        var (tag, page) = Filter(query);
        var items = await registry.ListAsync(tag, ct);
        return TypedResults.Ok(new PackList([.. items.Skip(page.Offset).Take(page.Limit)], items.Count, page.Limit, page.Offset));
    }

    private static async Task<Ok<PackEntry>> GetPack(RegistryService registry, string code, CancellationToken ct) =>
        TypedResults.Ok(await registry.FindAsync(code, ct) ?? throw PackProblemException.NotFound("pack", code));

    private static async Task<Results<Created<PackEntry>, Ok<PackEntry>, ValidationProblem>> RegisterPack(
        RegistryService registry, IPackCatalog catalog, PackManifest manifest, CancellationToken ct)
    {
        var errors = catalog.CheckManifest(manifest).Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(f => f.Field ?? "body").ToDictionary(g => g.Key, g => g.Select(f => f.Detail).ToArray()),
                detail: string.Join(" ", errors.Select(f => f.Detail)),
                title: "The manifest is not valid.");
        }

        var registration = await registry.RegisterAsync(manifest, ct);
        return registration.Outcome switch
        {
            RegistrationOutcome.Created => TypedResults.Created($"/core/packs/{manifest.Code}", registration.Entry!),
            RegistrationOutcome.Unchanged => TypedResults.Ok(registration.Entry!),
            _ => throw PackProblemException.Conflict("A different manifest is registered under this code.",
                $"{manifest.Code} is already registered with other values for: {string.Join(", ", registration.ConflictingFields)}. Use a new code or version."),
        };
    }

    private static async Task<Ok<PackEntry>> ReloadPack(RegistryService registry, string code, CancellationToken ct) =>
        TypedResults.Ok(await registry.ReloadAsync(code, ct));

    private static async Task<Ok<ValidationSummary>> ValidatePacks(RegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.ValidateAsync(ct));
}
