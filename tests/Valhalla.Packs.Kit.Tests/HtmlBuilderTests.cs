using System.IO.Pipelines;
using System.Text;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>The Kit's HtmlBuilder: every text and attribute value encoded, attributes left out or bare, the page streamed whole.</summary>
public sealed class HtmlBuilderTests
{
    [Fact]
    public void Text_is_encoded_so_markup_typed_by_a_user_stays_text() =>
        Assert.Equal("<p>&lt;script&gt;a &amp; b &quot;c&quot; &#x27;d&#x27;&lt;/script&gt;</p>",
            new HtmlBuilder().Element("p", "<script>a & b \"c\" 'd'</script>").ToString());

    [Fact]
    public void Attribute_values_are_encoded_and_cannot_close_their_quotes() =>
        Assert.Equal("<a href=\"/x?a=1&amp;b=&quot;&gt;&lt;\" title=\"x\">y</a>",
            new HtmlBuilder().Element("a", "y", ("href", "/x?a=1&b=\"><"), ("title", "x")).ToString());

    [Fact]
    public void A_null_attribute_is_left_out_and_an_empty_one_is_written_bare() =>
        Assert.Equal("<input required name=\"amount\">",
            new HtmlBuilder().Void("input", ("aria-invalid", null), ("required", ""), ("name", "amount")).ToString());

    [Fact]
    public void Letters_of_every_script_stay_readable_and_null_text_writes_nothing() =>
        Assert.Equal("<td>Čaj 日本 Ελλάδα</td><td></td>",
            new HtmlBuilder().Element("td", "Čaj 日本 Ελλάδα").Element("td", null).ToString());

    [Fact]
    public void A_long_value_needing_much_escaping_is_encoded_whole()
    {
        var text = string.Concat(Enumerable.Repeat("<&>", 400));

        var html = new HtmlBuilder().Text(text).Void("input", ("value", text)).ToString();

        var encoded = string.Concat(Enumerable.Repeat("&lt;&amp;&gt;", 400));
        Assert.Equal($"{encoded}<input value=\"{encoded}\">", html);
    }

    [Fact]
    public void Appending_another_builder_copies_its_html_as_it_is() =>
        Assert.Equal("<tr><td>&amp;</td></tr>",
            new HtmlBuilder().Open("tr").Append(new HtmlBuilder().Element("td", "&")).Close("tr").ToString());

    [Fact]
    public async Task A_large_page_is_written_as_utf8_between_its_frame_exactly_as_its_text()
    {
        var html = new HtmlBuilder();
        for (var i = 0; i < 3_000; i++)
        {
            html.Element("td", $"日本 {i} <b>", ("data-row", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var pipe = new Pipe();
        using var bytes = new MemoryStream();
        var reading = pipe.Reader.AsStream().CopyToAsync(bytes); // the way a response is read: while it is written

        await html.WriteToAsync(pipe.Writer, "<main>Før", "</main>", CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        await reading;

        Assert.Equal("<main>Før" + html + "</main>", Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public async Task A_surrogate_pair_split_between_the_builders_pieces_is_written_whole()
    {
        // Two characters first, then four-character pieces whose second and third are a pair: the builder's
        // blocks all end on a multiple of four characters, so every block boundary falls inside a pair.
        var html = new HtmlBuilder().Text("ab");
        for (var i = 0; i < 5_000; i++)
        {
            html.Open("\ud83d\ude00");
        }

        Assert.Equal(Encoding.UTF8.GetBytes("<p>" + html + "</p>"), await WrittenAsync(html, "<p>", "</p>"));
    }

    [Fact]
    public async Task A_surrogate_pair_split_between_the_frame_and_an_empty_page_is_written_whole() =>
        Assert.Equal(Encoding.UTF8.GetBytes("a\ud83d\ude00b"), await WrittenAsync(new HtmlBuilder(), "a\ud83d", "\ude00b"));

    [Fact]
    public async Task A_lone_surrogate_at_the_very_end_is_written_as_a_replacement_character_not_dropped() =>
        Assert.Equal("<p></p>x\ufffd", Encoding.UTF8.GetString(await WrittenAsync(new HtmlBuilder().Element("p", null), "", "x\ud83d")));

    [Fact]
    public void Characters_beyond_the_basic_plane_in_text_are_written_as_references() =>
        Assert.Equal("<p>&#x1F600;</p>", new HtmlBuilder().Element("p", "\ud83d\ude00").ToString());

    private static async Task<byte[]> WrittenAsync(HtmlBuilder html, string before, string after)
    {
        var pipe = new Pipe();
        using var bytes = new MemoryStream();
        var reading = pipe.Reader.AsStream().CopyToAsync(bytes);

        await html.WriteToAsync(pipe.Writer, before, after, CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        await reading;
        return bytes.ToArray();
    }
}
