namespace Valhalla.Packs.Budget;

/// <summary>An active bucket already has this name (active names are unique regardless of case).</summary>
public sealed class NameTakenException(string name) : Exception($"An active bucket is already named '{name}'.")
{
    public string Name { get; } = name;
}
