namespace Valhalla.Contracts.Web;

/// <summary>An antiforgery token to put in a form as a hidden input.</summary>
/// <param name="FieldName">The input's name.</param>
/// <param name="Value">The input's value.</param>
public sealed record PageFormToken(string FieldName, string Value);
