using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts.Access;

namespace Valhalla.Host.Access;

/// <summary><c>/host/keys</c>: API keys for admin keys. A key's secret is shown once, in the answer that creates it.</summary>
internal static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/host/keys").RequireScope(AccessScope.Admin).WithTags("Host");
        keys.MapGet("", ListKeys).WithName("ListKeys").WithSummary("Every key (never its secret), revoked ones included.");
        keys.MapPost("", CreateKey).WithName("CreateKey").WithSummary("Creates a key; the answer is the only time its secret is shown.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        keys.MapPost("/{name}/revoke", RevokeKey).WithName("RevokeKey").WithSummary("Revokes the active key with this name; it stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<KeyList>> ListKeys(KeyDirectory directory, CancellationToken ct)
    {
        var keys = await directory.ListAsync(ct);
        return TypedResults.Ok(new KeyList([.. keys.Select(KeyInfo.From)], keys.Count));
    }

    private static async Task<Results<Created<CreatedKey>, ValidationProblem, ProblemHttpResult>> CreateKey(
        KeyDirectory directory, CreateKey input, CancellationToken ct)
    {
        var packs = input.Packs ?? [];
        if (KeyRules.Check(input.Name, packs) is var (field, message))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: $"{field}: {message}");
        }

        if (await directory.CreateAsync(input.Name, input.Scope, packs, ct) is not var (key, secret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A key has this name.",
                detail: $"An active key is named '{input.Name}'. Revoke it first or choose another name.");
        }

        return TypedResults.Created($"/host/keys/{key.Name}", new CreatedKey(key.Name, key.Scope, key.Packs, key.CreatedAt, secret));
    }

    private static async Task<Results<Ok<KeyInfo>, ProblemHttpResult>> RevokeKey(KeyDirectory directory, string name, CancellationToken ct)
    {
        var keys = await directory.ListAsync(ct);
        var active = keys.Where(k => !k.Revoked).ToList();
        if (active.FirstOrDefault(k => k.Name == name) is not { } key)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such key.", detail: $"No active key is named '{name}'.");
        }

        if (key.Scope == AccessScope.Admin && active.Count(k => k.Scope == AccessScope.Admin && k.Packs.Count == 0) == 1 && key.Packs.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This is the last admin key.",
                detail: $"Revoking '{name}' would leave no key that can manage keys. Create another admin key first (or use 'keys revoke' on the host's console).");
        }

        await directory.RevokeAsync(name, ct);
        return TypedResults.Ok(KeyInfo.From((await directory.ListAsync(ct)).Single(k => k.Id == key.Id)));
    }
}
