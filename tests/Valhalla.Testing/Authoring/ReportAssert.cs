using Valhalla.Contracts.Catalog;
using Xunit;

namespace Valhalla.Testing.Authoring;

/// <summary>Assertions on a start-up report that say why a pack is not loaded.</summary>
public static class ReportAssert
{
    public static PackReport AssertLoaded(this ValidationReport report, string code)
    {
        var pack = report.Packs.SingleOrDefault(p => p.Code == code);
        Assert.True(pack is not null, $"{code} is not in the report; packs: {string.Join(", ", report.Packs.Select(p => p.Code))}.");
        Assert.True(pack.Status == PackStatus.Loaded,
            $"{code} is {pack.Status}: {string.Join(" ", pack.Findings.Select(f => $"[{f.Severity} {f.Code}] {f.Detail}"))}");
        return pack;
    }
}
