using Microsoft.AspNetCore.Http;

namespace Valhalla.Contracts.Access;

/// <summary>Reads the <see cref="Caller"/> the host attached to a request.</summary>
public static class CallerHttpContextExtensions
{
    /// <summary>
    /// The caller of <paramref name="context"/>. The host authenticates every request before a pack
    /// sees it, so inside a pack's handler this is never null; it is null only for a context the
    /// host did not authenticate (a unit test's own <c>DefaultHttpContext</c>, for instance).
    /// </summary>
    public static Caller? GetCaller(this HttpContext context) => context.Features.Get<Caller>();
}
