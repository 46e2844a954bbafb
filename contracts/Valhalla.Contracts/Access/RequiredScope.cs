namespace Valhalla.Contracts.Access;

/// <summary>
/// Endpoint metadata: the scope a route needs, when it needs more than its method does (GET and
/// HEAD need <see cref="AccessScope.Read"/>, every other method <see cref="AccessScope.Write"/>).
/// A pack can only raise what a route needs, never lower it. Add it with
/// <see cref="RequiredScopeEndpointExtensions.RequireScope{TBuilder}"/>.
/// </summary>
/// <param name="Scope">The scope the route needs.</param>
public sealed record RequiredScope(AccessScope Scope);
