using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Web;

/// <summary>
/// A browser without a browser: a cookie jar, pages parsed into DOMs, forms submitted with their own
/// hidden fields (antiforgery token included), as a person's browser would without JavaScript.
/// </summary>
internal sealed class WebSession(HttpClient browser)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => browser;

    public static WebSession Anonymous(RunningHost host) => new(host.BrowserClient());

    public static async Task<WebSession> SignInAsync(RunningHost host, string key)
    {
        var session = Anonymous(host);
        var response = await session.SubmitAsync(await session.PageAsync("host/sign-in"), "form[action='/host/sign-in']", new() { ["key"] = key });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return session;
    }

    public async Task<IDocument> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submits the form matching <paramref name="selector"/> with its current values, <paramref name="values"/> changed; redirects are not followed.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string selector, Dictionary<string, string>? values = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form matches {selector}.");
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields[input.Name] = input.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
            }
        }

        foreach (var (name, value) in values ?? [])
        {
            fields[name] = value;
        }

        return await browser.PostAsync(form.GetAttribute("action")!.TrimStart('/'), new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a form and, when the answer is a redirect (303), loads the page it points to.</summary>
    public async Task<IDocument> SubmitAndFollowAsync(IDocument page, string selector, Dictionary<string, string>? values = null)
    {
        using var response = await SubmitAsync(page, selector, values);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return await PageAsync(response.Headers.Location!.OriginalString.TrimStart('/'));
    }

    /// <summary>The navigation's link texts, in order.</summary>
    public static IReadOnlyList<string> NavTitles(IDocument page) =>
        [.. page.QuerySelectorAll("header nav a").Select(a => a.TextContent.Trim())];
}
