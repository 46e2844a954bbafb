using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;

namespace Valhalla.Host.Web;

/// <summary>The document around every page: head, navigation, sign-out, main. Every value is encoded.</summary>
internal static class ShellHtml
{
    public const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>What follows the main content.</summary>
    public const string Tail = "</main></body></html>";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>Everything before the main content, up to the opening of <c>main</c>.</summary>
    public static string Head(string title, string currentPath, IReadOnlyList<PackPage> pages, Caller? caller, string tokenField, string token)
    {
        var html = new StringBuilder(2048);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"htmx-config\" content=\"{&quot;includeIndicatorStyles&quot;:false}\">")
            .Append("<title>").Append(Encode(title)).Append(" · Valhalla</title>")
            .Append("<link rel=\"stylesheet\" href=\"/host/assets/pico.min.css\"><link rel=\"stylesheet\" href=\"/host/assets/valhalla.css\">")
            .Append("<script src=\"/host/assets/htmx.min.js\" defer></script></head>")
            .Append("<body hx-headers=\"").Append(Encode($"{{\"X-CSRF-TOKEN\":\"{token}\"}}")).Append("\">")
            .Append("<header class=\"container\"><nav aria-label=\"Main\"><ul><li><a href=\"/\"><strong>Valhalla</strong></a></li></ul><ul>");
        if (caller is not null)
        {
            foreach (var page in pages)
            {
                html.Append("<li><a href=\"").Append(Encode(page.Path)).Append('"')
                    .Append(page.Path == currentPath ? " aria-current=\"page\"" : "").Append('>')
                    .Append(Encode(page.Title)).Append("</a></li>");
            }
        }

        html.Append("<li><a href=\"/scalar/v1\">API reference</a></li>");
        if (caller is not null && caller != Caller.Unauthenticated)
        {
            html.Append("<li><form method=\"post\" action=\"/host/sign-out\">")
                .Append("<input type=\"hidden\" name=\"").Append(Encode(tokenField)).Append("\" value=\"").Append(Encode(token)).Append("\">")
                .Append("<button type=\"submit\" class=\"secondary outline\">Sign out ").Append(Encode(caller.Name)).Append("</button></form></li>");
        }

        return html.Append("</ul></nav></header><main class=\"container\">").ToString();
    }
}
