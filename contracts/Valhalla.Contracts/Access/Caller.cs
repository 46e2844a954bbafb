namespace Valhalla.Contracts.Access;

/// <summary>
/// Who made the current request: the name and scope of the API key the host accepted for it.
/// Packs never check keys themselves; they read the caller to record who did something (the actor
/// of a money event). Get it with <see cref="CallerHttpContextExtensions.GetCaller"/>.
/// </summary>
/// <param name="Name">The key's name, e.g. <c>owner</c> or <c>phone</c>.</param>
/// <param name="Scope">The key's scope.</param>
public sealed record Caller(string Name, AccessScope Scope)
{
    /// <summary>The caller of every request when an operator turned authentication off (loopback only).</summary>
    public static Caller Unauthenticated { get; } = new("anonymous", AccessScope.Admin);

    /// <summary>True when the caller's scope is <paramref name="scope"/> or one that implies it.</summary>
    public bool Has(AccessScope scope) => Scope >= scope;
}
