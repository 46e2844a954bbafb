using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Writes HTML in order, encoding every text and attribute value, so nothing a user typed can become
/// markup. A plain string builder: it caches nothing, so a pack that renders with it still unloads.
/// Tag and attribute names are the caller's constants; values are always data.
/// </summary>
public sealed class HtmlBuilder
{
    // Letters of every script stay readable in the source; only what is markup is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _html = new();

    /// <summary>Opens <paramref name="tag"/> with <paramref name="attributes"/>; a null value leaves the attribute out, an empty one writes it bare (<c>required</c>).</summary>
    public HtmlBuilder Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    /// <summary>Closes <paramref name="tag"/>.</summary>
    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Writes <paramref name="text"/>, encoded.</summary>
    public HtmlBuilder Text(string? text)
    {
        _html.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>Writes a whole element holding <paramref name="text"/>.</summary>
    public HtmlBuilder Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>Writes an element that has no content or end tag, such as <c>input</c>.</summary>
    public HtmlBuilder Void(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes) => Open(tag, attributes);

    /// <summary>Writes HTML another <see cref="HtmlBuilder"/> produced (already encoded).</summary>
    public HtmlBuilder Append(HtmlBuilder other)
    {
        _html.Append(other._html);
        return this;
    }

    /// <summary>The HTML written so far.</summary>
    public override string ToString() => _html.ToString();
}
