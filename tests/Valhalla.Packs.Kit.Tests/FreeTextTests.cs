using Valhalla.Contracts;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>Free text: NFC, and refused with its field and the code point when it holds a control character.</summary>
public sealed class FreeTextTests
{
    [Fact]
    public void A_name_typed_with_a_combining_accent_becomes_one_code_point()
    {
        Assert.Equal("Caf\u00e9", FreeText.Line("name", "Cafe\u0301"));
        Assert.Equal("Caf\u00e9\nbar", FreeText.Prose("notes", "Cafe\u0301\nbar"));
    }

    [Fact]
    public void Text_already_in_NFC_is_kept_as_it_is() =>
        Assert.Equal("  Čaj 日本 😀  ", FreeText.Line("name", "  Čaj 日本 😀  "));

    [Theory]
    [InlineData("a\tb", "U+0009")]
    [InlineData("a\nb", "U+000A")]
    [InlineData("a\rb", "U+000D")]
    [InlineData("\u0000", "U+0000")]
    [InlineData("a\u001Bb", "U+001B")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    public void A_line_refuses_every_control_character_naming_it(string text, string codePoint)
    {
        var problem = Assert.Throws<PackProblemException>(() => FreeText.Line("name", text));

        Assert.Equal(400, problem.Status);
        Assert.Equal("name", problem.Field);
        Assert.Equal($"name: must not contain control characters (found {codePoint}).", problem.Message);
    }

    [Fact]
    public void Prose_keeps_tabs_and_line_breaks() =>
        Assert.Equal("a\tb\nc\r\nd", FreeText.Prose("notes", "a\tb\nc\r\nd"));

    [Theory]
    [InlineData("a\u0007b", "U+0007")]
    [InlineData("a\u000Bb", "U+000B")]
    [InlineData("a\u000Cb", "U+000C")]
    [InlineData("line\n\u001B[31m", "U+001B")]
    [InlineData("a\u0085b", "U+0085")]
    public void Prose_refuses_other_control_characters_naming_them(string text, string codePoint)
    {
        var problem = Assert.Throws<PackProblemException>(() => FreeText.Prose("notes", text));

        Assert.Equal("notes", problem.Field);
        Assert.Equal($"notes: must not contain control characters (found {codePoint}).", problem.Message);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_as_not_text()
    {
        // Built here, not in InlineData: xunit's serialisation of theory data would replace the lone surrogate.
        foreach (var text in new[] { "a\ud800b", "\udc00", "end\ud83d", "\ude00\ud83d", "Cafe\u0301\ud800" })
        {
            var line = Assert.Throws<PackProblemException>(() => FreeText.Line("name", text));
            var prose = Assert.Throws<PackProblemException>(() => FreeText.Prose("notes", text));

            Assert.Equal(("name", "name: must be valid Unicode text."), (line.Field, line.Message));
            Assert.Equal(("notes", "notes: must be valid Unicode text."), (prose.Field, prose.Message));
        }
    }

    [Fact]
    public void Empty_text_is_kept_empty() => Assert.Equal("", FreeText.Line("name", ""));
}
