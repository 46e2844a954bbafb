namespace Valhalla.Contracts.Services;

/// <summary>
/// A point in the history of data a pack owns, for callers that cache what they read from it: while
/// the stamp a source gives is equal to the one read before a read, nothing that read depends on has
/// changed. Sources move a stamp on after each change commits, so a stamp read before reading can only
/// be older than the data read, never newer. <see cref="Epoch"/> is random per pack instance, so the
/// stamps of a replaced or reloaded pack never equal its predecessor's. Added in contracts 1.4.
/// </summary>
/// <param name="Epoch">Random per instance of the source.</param>
/// <param name="Counter">Grows with every change the stamp covers.</param>
public readonly record struct ChangeStamp(Guid Epoch, long Counter);
