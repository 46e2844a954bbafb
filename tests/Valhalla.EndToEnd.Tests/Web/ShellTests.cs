using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Web;

/// <summary>The web shell: sign-in with a key into a session cookie, navigation from the packs' manifests, sign-out, antiforgery.</summary>
public sealed class ShellTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.Registry)
{
    [Fact]
    public async Task A_browser_without_a_session_is_sent_to_sign_in_while_an_api_client_still_gets_401_json()
    {
        var browser = WebSession.Anonymous(Host);
        using var page = await browser.Http.GetAsync("core/budget/pages/month?month=2026-01");
        using var home = await browser.Http.GetAsync("");
        using var api = await Host.ClientWith(null).GetAsync("core/budget/pages/month");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/host/sign-in?return=%2Fcore%2Fbudget%2Fpages%2Fmonth%3Fmonth%3D2026-01", page.Headers.Location!.OriginalString);
        Assert.StartsWith("/host/sign-in", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_and_the_navigation_lists_the_loaded_packs_pages_in_order()
    {
        var browser = WebSession.Anonymous(Host);
        var signIn = await browser.PageAsync("host/sign-in?return=/core/packs/pages/packs");
        using var response = await browser.SubmitAsync(signIn, "form[action='/host/sign-in']", new() { ["key"] = Host.OwnerKey! });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/core/packs/pages/packs", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vh_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await browser.PageAsync("");
        Assert.Equal(["Valhalla", "Budget", "Transactions", "Packs", "API reference"], WebSession.NavTitles(home));
        Assert.NotNull(home.QuerySelector("form[action='/host/sign-out'] button"));
        Assert.Equal("/scalar/v1", home.QuerySelector("header nav a[href='/scalar/v1']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_beside_the_key_field_and_gives_no_session()
    {
        var browser = WebSession.Anonymous(Host);
        using var response = await browser.SubmitAsync(await browser.PageAsync("host/sign-in"), "form[action='/host/sign-in']", new() { ["key"] = "vh_nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await WebSession.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#key")?.GetAttribute("aria-invalid"));
        Assert.Contains("unknown or was revoked", page.QuerySelector("#key-error")?.TextContent);
        using var after = await browser.Http.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_with_the_session_but_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var bucket = await CreateBucketAsync();

        using var forged = await browser.Http.PostAsync($"core/budget/pages/month/2026-01/allocate/{bucket}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["amount"] = "5" }));
        using var forgedJson = await browser.Http.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{bucket}", new { amount = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedJson.StatusCode);
        var snapshot = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=2026-01");
        Assert.Null(snapshot!["buckets"]![0]!["allocation"]);
    }

    [Fact]
    public async Task Api_calls_with_a_key_need_no_antiforgery_token()
    {
        var bucket = await CreateBucketAsync();

        using var response = await Client.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{bucket}", new { amount = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_sessions()
    {
        var created = await (await Client.PostAsJsonAsync("host/keys", new { name = "laptop", scope = "read" })).Content.ReadFromJsonAsync<JsonObject>();
        var browser = await WebSession.SignInAsync(Host, (string)created!["key"]!);
        await browser.PageAsync("core/packs/pages/packs");

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("host/keys/laptop/revoke", null)).StatusCode);

        using var after = await browser.Http.GetAsync("core/packs/pages/packs");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var home = await browser.PageAsync("");

        using var signedOut = await browser.SubmitAsync(home, "form[action='/host/sign-out']");

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        using var after = await browser.Http.GetAsync("core/budget/pages/month");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_read_key_session_sees_pages_but_may_not_post_and_has_no_reload_button()
    {
        var created = await (await Client.PostAsJsonAsync("host/keys", new { name = "viewer", scope = "read" })).Content.ReadFromJsonAsync<JsonObject>();
        var browser = await WebSession.SignInAsync(Host, (string)created!["key"]!);
        var bucket = await CreateBucketAsync();

        var packs = await browser.PageAsync("core/packs/pages/packs");
        var month = await browser.PageAsync("core/budget/pages/month?month=2026-01");
        using var allocate = await browser.SubmitAsync(month, $"tr[data-bucket-id='{bucket}'] form", new() { ["amount"] = "5" });

        Assert.Empty(packs.QuerySelectorAll("form[action$='/reload']"));
        Assert.Equal(HttpStatusCode.Forbidden, allocate.StatusCode);
    }

    private async Task<string> CreateBucketAsync()
    {
        var response = await Client.PostAsJsonAsync("core/budget/buckets", new { name = "Groceries", bucket_type = "essentials", monthly_limit = 100, priority = "A" });
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
