using Microsoft.AspNetCore.Builder;

namespace Valhalla.Contracts.Access;

/// <summary>Marks routes that need more than their method's scope, e.g. pack management needing admin.</summary>
public static class RequiredScopeEndpointExtensions
{
    /// <summary>
    /// Requires <paramref name="scope"/> for the routes of <paramref name="builder"/>. The host checks it
    /// before the handler runs and answers 403 naming the scope when the caller's key lacks it.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, AccessScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));
}
