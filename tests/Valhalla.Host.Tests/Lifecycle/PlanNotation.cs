using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Discovery;
using Valhalla.Host.Lifecycle;
using Valhalla.Host.Loading;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Lifecycle;

/// <summary>
/// A short notation for lifecycle cases. A pack is <c>CODE[@folder]:files[&gt;REQ,REQ][!|?]</c>: its folder
/// defaults to the code in lower case, <c>files</c> stands for the folder's fingerprint, <c>!</c> marks files
/// that fail validation and <c>?</c> a manifest that cannot be read. Actions read back as
/// <c>Kind[:Status] CODE Reason [finding codes] after REQ lifting</c>, joined by <c>; </c>.
/// </summary>
internal static class PlanNotation
{
    private const string Drop = "/drop";

    public static LifecycleInput Input(string folders, string running = "", string failed = "", string quarantined = "", string request = "change")
    {
        var packs = Items(folders).Select(Folder).ToList();
        return new LifecycleInput(
            packs,
            Items(folders).ToDictionary(i => FolderOf(i), i => Fingerprint(i)),
            [.. Items(running).Select(i => new RunningPack(Manifest(i), FolderOf(i), Fingerprint(i)))],
            Items(failed).ToDictionary(i => Code(i), i => new FailedStart(Fingerprint(i), Finding(Code(i), FindingCodes.PackLoadFailed), 1.5)),
            new QuarantineState([.. Items(quarantined).Select(i => new QuarantinedPack(Code(i), Fingerprint(i).Hash, DateTimeOffset.UnixEpoch, "it crashed the host"))], []),
            request.StartsWith("reload ", StringComparison.Ordinal) ? LifecycleRequest.Reload(request["reload ".Length..])
                : request == "startup" ? LifecycleRequest.StartUp : LifecycleRequest.Change);
    }

    public static string Read(IEnumerable<PackAction> plan) => string.Join("; ", plan.Select(Read));

    private static string Read(PackAction action)
    {
        var (status, findings) = action switch
        {
            ReportAction report => ($":{report.Status}", report.Findings),
            KeepAction keep => ("", keep.Findings),
            _ => ("", []),
        };
        var text = $"{action.Kind}{status} {action.Code} {action.Reason}";
        if (findings.Count > 0)
        {
            text += $" [{string.Join(", ", findings.Select(f => f.Code))}]";
        }

        if (action is StartAction start)
        {
            text += start.After.Count > 0 ? $" after {string.Join(",", start.After)}" : "";
            text += start.LiftQuarantine is null ? "" : " lifting";
        }

        return text;
    }

    private static ValidatedPack Folder(string item)
    {
        var unreadable = item.EndsWith('?');
        var manifest = unreadable ? null : Manifest(item);
        var folderName = Path.GetFileName(FolderOf(item));
        var findings = item.EndsWith('!') || unreadable ? new[] { Finding(manifest?.Code ?? folderName, FindingCodes.ManifestInvalid) } : [];
        return new ValidatedPack(new DiscoveredPack(FolderOf(item), folderName, manifest, []), findings);
    }

    private static PackManifest Manifest(string item)
    {
        var requires = item.Split('>') is [_, var list] ? list.TrimEnd('!', '?').Split(',') : [];
        return new PackManifest
        {
            Code = Code(item),
            Name = Code(item),
            Version = Files(item),
            Module = "M",
            RouterSymbol = "M.Pack",
            RoutePrefix = "/" + Code(item).ToLowerInvariant(),
            Contracts = "1.0",
            Requires = requires,
        };
    }

    private static string Code(string item) => item.Split(':')[0].Split('@')[0];

    private static string FolderOf(string item) =>
        $"{Drop}/{(item.Split(':')[0].Split('@') is [_, var folder] ? folder : Code(item).ToLowerInvariant())}";

    private static string Files(string item) => item.Split(':')[1].Split('>')[0].TrimEnd('!', '?');

    private static PackFingerprint Fingerprint(string item) => new(Files(item));

    private static Finding Finding(string pack, string code) => new(pack, Severity.Error, code, "t", "d");

    private static string[] Items(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
