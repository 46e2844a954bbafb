namespace Valhalla.Contracts.Web;

/// <summary>
/// The host's document split where a page's main content goes: write <see cref="Head"/>, the page's
/// own (already encoded) HTML, then <see cref="Tail"/>. Lets a pack stream a large page to the response
/// instead of joining it into one string.
/// </summary>
/// <param name="Head">Everything before the main content: head, navigation, the opening of main.</param>
/// <param name="Tail">Everything after it: the closing of main, body and document.</param>
public sealed record PageFrame(string Head, string Tail);
