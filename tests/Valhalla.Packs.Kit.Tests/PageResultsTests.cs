using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts.Web;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>How a pack answers a browser: a page in the shell's frame (or a bare document), a fragment, a 303.</summary>
public sealed class PageResultsTests
{
    private static DefaultHttpContext Context(IPageShell? shell = null)
    {
        var services = new ServiceCollection();
        if (shell is not null)
        {
            services.AddSingleton(shell);
        }

        return new DefaultHttpContext { RequestServices = services.BuildServiceProvider(), Response = { Body = new MemoryStream() } };
    }

    private static async Task<string> ExecuteAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        return Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
    }

    [Fact]
    public async Task Without_a_shell_a_page_is_a_bare_document_titled_and_encoded()
    {
        var context = Context();

        var body = await ExecuteAsync(PageResults.Page(context, "Bills & rent", new HtmlBuilder().Element("p", "Før")), context);

        Assert.Equal("<html><head><title>Bills &amp; rent</title></head><body><main><p>Før</p></main></body></html>", body);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
    }

    [Fact]
    public async Task A_page_is_written_in_the_shells_frame_with_its_title_and_status()
    {
        var shell = new FakeShell();
        var context = Context(shell);

        var body = await ExecuteAsync(PageResults.Page(context, "Ledger", new HtmlBuilder().Element("p", "x"), StatusCodes.Status422UnprocessableEntity), context);

        Assert.Equal("<shell title=\"Ledger\"><p>x</p></shell>", body);
        Assert.Same(context, shell.FramedFor);
        Assert.Equal(422, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
    }

    [Fact]
    public async Task A_fragment_is_only_its_html_with_its_status()
    {
        var context = Context(new FakeShell());

        var body = await ExecuteAsync(PageResults.Fragment(new HtmlBuilder().Element("tr", "&"), StatusCodes.Status400BadRequest), context);

        Assert.Equal("<tr>&amp;</tr>", body);
        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
    }

    [Fact]
    public async Task A_fragment_is_200_unless_told_otherwise()
    {
        var context = Context();

        Assert.Equal("<p></p>", await ExecuteAsync(PageResults.Fragment(new HtmlBuilder().Element("p", null)), context));
        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task See_other_is_a_303_to_the_path_with_no_body()
    {
        var context = Context();

        var body = await ExecuteAsync(PageResults.SeeOther("/core/budget/months/2026-01"), context);

        Assert.Equal(303, context.Response.StatusCode);
        Assert.Equal("/core/budget/months/2026-01", context.Response.Headers.Location.ToString());
        Assert.Equal("", body);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("True", false)]
    [InlineData(null, false)]
    public void Htmx_is_recognised_by_its_request_header(string? header, bool htmx)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers["HX-Request"] = header;
        }

        Assert.Equal(htmx, PageResults.IsHtmx(context.Request));
    }

    [Fact]
    public void A_form_token_is_a_hidden_input_from_the_shell()
    {
        var html = new HtmlBuilder();

        Assert.Same(html, html.FormToken(Context(new FakeShell())));
        Assert.Equal("<input type=\"hidden\" name=\"__token\" value=\"a&amp;b\">", html.ToString());
    }

    [Fact]
    public void Without_a_shell_a_form_has_no_token()
    {
        var html = new HtmlBuilder().Element("p", "x");

        Assert.Same(html, html.FormToken(Context()));
        Assert.Equal("<p>x</p>", html.ToString());
    }

    [Fact]
    public void A_route_that_accepts_forms_declares_both_form_types()
    {
        var conventions = new RecordingConventions();
        var route = new RouteHandlerBuilder([conventions]);

        Assert.Same(route, route.AcceptsForm());

        var endpoint = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/x"), 0);
        conventions.Apply(endpoint);
        var accepts = Assert.Single(endpoint.Metadata.OfType<IAcceptsMetadata>());
        Assert.Equal(["application/x-www-form-urlencoded", "multipart/form-data"], accepts.ContentTypes);
    }

    private sealed class FakeShell : IPageShell
    {
        public HttpContext? FramedFor { get; private set; }

        public string Render(HttpContext context, string title, string mainHtml) => throw new NotSupportedException();

        public PageFrame Frame(HttpContext context, string title)
        {
            FramedFor = context;
            return new PageFrame($"<shell title=\"{title}\">", "</shell>");
        }

        public PageFormToken FormToken(HttpContext context) => new("__token", "a&b");
    }

    private sealed class RecordingConventions : IEndpointConventionBuilder
    {
        private readonly List<Action<EndpointBuilder>> _conventions = [];

        public void Add(Action<EndpointBuilder> convention) => _conventions.Add(convention);

        public void Apply(EndpointBuilder endpoint) => _conventions.ForEach(convention => convention(endpoint));
    }
}
