namespace Valhalla.Contracts.Catalog;

/// <summary>One validation finding about a pack.</summary>
/// <param name="Pack">The pack's code, or its folder name when the code is unknown.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code such as <c>entry_type_missing</c> or <c>data_path_escapes_root</c>; see <see cref="FindingCodes"/>.</param>
/// <param name="Title">One line saying what is wrong.</param>
/// <param name="Detail">The field involved and what to do about it.</param>
public sealed record Finding(string Pack, Severity Severity, string Code, string Title, string Detail)
{
    /// <summary>
    /// The manifest field the finding is about (snake_case, as in <c>pack.json</c>, e.g. <c>route_prefix</c>),
    /// or null when it is about no single field. Defaults to <see cref="FindingCodes.FieldOf"/> of <see cref="Code"/>.
    /// </summary>
    public string? Field { get; init; } = FindingCodes.FieldOf(Code);
}
