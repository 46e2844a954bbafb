using Valhalla.Contracts.Access;

namespace Valhalla.Host.Access;

/// <summary>
/// <c>valhalla keys create --name NAME --scope read|write|admin [--packs CODE,TAG…]</c> prints the new key
/// once; <c>keys list</c> shows every key without its secret; <c>keys revoke NAME</c>. They work on the
/// data root's host database directly, so they need no running host, and a running host follows within a second.
/// </summary>
internal static class KeysCommand
{
    public const string Usage = "usage: keys create --name NAME --scope read|write|admin [--packs CODE,TAG...] | keys list | keys revoke NAME";

    public static async Task<int> RunAsync(KeyDirectory keys, string[] args, TextWriter output, TextWriter error)
    {
        switch (args.FirstOrDefault())
        {
            case "create":
                return await CreateAsync(keys, args[1..], output, error);
            case "list":
                await ListAsync(keys, output);
                return 0;
            case "revoke" when args.Length == 2:
                if (await keys.RevokeAsync(args[1], CancellationToken.None))
                {
                    await output.WriteLineAsync($"Revoked '{args[1]}'. A running host stops accepting it within a second.");
                    return 0;
                }

                await error.WriteLineAsync($"No active key is named '{args[1]}'.");
                return 1;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAsync(KeyDirectory keys, string[] args, TextWriter output, TextWriter error)
    {
        var name = Option(args, "--name");
        var scopeText = Option(args, "--scope");
        IReadOnlyList<string> packs = Option(args, "--packs")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (name is null || !Enum.TryParse<AccessScope>(scopeText, ignoreCase: true, out var scope) || !Enum.IsDefined(scope))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (KeyRules.Check(name, packs) is var (field, message))
        {
            await error.WriteLineAsync($"{field}: {message}");
            return 2;
        }

        if (await keys.CreateAsync(name, scope, packs, CancellationToken.None) is not var (_, secret))
        {
            await error.WriteLineAsync($"An active key is named '{name}'. Revoke it first or choose another name.");
            return 1;
        }

        await output.WriteLineAsync(secret);
        await error.WriteLineAsync($"Created '{name}' ({KeyStore.ScopeText(scope)}{(packs.Count > 0 ? ", packs " + string.Join(",", packs) : "")}). This is the only time the key is shown.");
        return 0;
    }

    private static async Task ListAsync(KeyDirectory keys, TextWriter output)
    {
        await output.WriteLineAsync($"{"name",-20} {"scope",-6} {"packs",-24} {"created",-20} {"last used",-20} revoked");
        foreach (var key in await keys.ListAsync(CancellationToken.None))
        {
            await output.WriteLineAsync($"{key.Name,-20} {KeyStore.ScopeText(key.Scope),-6} {(key.Packs.Count == 0 ? "all" : string.Join(",", key.Packs)),-24} "
                + $"{Time(key.CreatedAt),-20} {Time(key.LastUsedAt),-20} {Time(key.RevokedAt)}");
        }
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
