using System.Buffers;
using System.IO.Pipelines;
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
                _html.Append("=\"");
                AppendEncoded(value);
                _html.Append('"');
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
        AppendEncoded(text);
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

    /// <summary>
    /// Writes the HTML as UTF-8 to <paramref name="output"/>, between <paramref name="before"/> and
    /// <paramref name="after"/> (already encoded), piece by piece: a large page never becomes one string.
    /// </summary>
    public Task WriteToAsync(PipeWriter output, string before, string after, CancellationToken ct)
    {
        var utf8 = Encoding.UTF8.GetEncoder(); // keeps a surrogate pair split between two pieces whole
        utf8.Convert(before, output, flush: false, out _, out _);
        foreach (var chunk in _html.GetChunks())
        {
            utf8.Convert(chunk.Span, output, flush: false, out _, out _);
        }

        utf8.Convert(after, output, flush: true, out _, out _);
        return output.FlushAsync(ct).AsTask();
    }

    // Encoded straight into the builder through a small stack buffer, not into a string per value.
    private void AppendEncoded(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[256];
        while (true)
        {
            var status = Encoder.Encode(value, buffer, out var read, out var written);
            _html.Append(buffer[..written]);
            if (status != OperationStatus.DestinationTooSmall)
            {
                return;
            }

            value = value[read..];
        }
    }

    /// <summary>The HTML written so far.</summary>
    public override string ToString() => _html.ToString();
}
