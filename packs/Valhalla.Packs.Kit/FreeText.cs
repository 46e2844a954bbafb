using System.Buffers;
using System.Text;
using Valhalla.Contracts;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Free text from the wire, made comparable: normalised to Unicode NFC, so that "Café" typed as one
/// code point or as "e" plus a combining accent is one name, and refused when it holds control
/// characters, which no one can see and which break logs, exports and terminals.
/// </summary>
public static class FreeText
{
    /// <summary>One line (a name): NFC, no control character at all.</summary>
    public static string Line(string field, string text) => Normalise(field, text, allowLineBreaks: false);

    /// <summary>Prose (notes, a description): NFC; tabs and line breaks are the only control characters allowed.</summary>
    public static string Prose(string field, string text) => Normalise(field, text, allowLineBreaks: true);

    private static string Normalise(string field, string text, bool allowLineBreaks)
    {
        for (var rest = text.AsSpan(); !rest.IsEmpty;)
        {
            // Checked here rather than left to Normalize, which refuses a lone surrogate only when it uses ICU:
            // in globalization-invariant mode it returns the text unchanged.
            if (Rune.DecodeFromUtf16(rest, out var rune, out var read) != OperationStatus.Done)
            {
                throw PackProblemException.BadField(field, "must be valid Unicode text.");
            }

            if (Rune.IsControl(rune) && !(allowLineBreaks && rune.Value is '\t' or '\n' or '\r'))
            {
                throw PackProblemException.BadField(field, $"must not contain control characters (found U+{rune.Value:X4}).");
            }

            rest = rest[read..];
        }

        return text.Normalize(NormalizationForm.FormC);
    }
}
