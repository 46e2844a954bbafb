namespace Valhalla.Host.Validation;

/// <summary>A pack that was serving, and the drop-folder folder (by name) it was serving from.</summary>
public sealed record ServingPack(string Code, string Folder);
