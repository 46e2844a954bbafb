using Microsoft.AspNetCore.Http;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Makes a pack's money events: a unique id, the pack's code, the time, and the actor — the name of
/// the key that made the request being served, when there is one. Write the event with
/// <see cref="Outbox.AppendAsync"/> inside the transaction that makes the change.
/// </summary>
public sealed class MoneyEvents(IPackContext pack, TimeProvider time, IHttpContextAccessor? http = null)
{
    public MoneyEvent Create(string kind, string subjectId, Money? amount, string? detail = null)
    {
        var at = Timestamps.Now(time);
        return new MoneyEvent(pack.Manifest.Code, kind, subjectId, amount, at, detail)
        {
            // Version 7: time-ordered and random, unique across packs without coordination.
            Id = "ev_" + Guid.CreateVersion7(at).ToString("N"),
            Actor = http?.HttpContext?.GetCaller()?.Name,
        };
    }
}
