using System.Net.Http.Json;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Setup;

/// <summary>X-Forwarded-For and -Proto count only from the proxies named in KeySell:ForwardedHeaders:KnownProxies.</summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string?> LoggedIpOfFailedSignInAsync(KeySellApp app, string from, string forwardedFor)
    {
        var email = $"nobody-{Guid.NewGuid():N}@keysell.test";
        var client = app.CreateClientFrom(from);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-Passw0rd!" }, Ct);
        return await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.Email == email).Select(e => e.Ip).SingleAsync(Ct));
    }

    [Fact]
    public async Task ForwardedFor_FromUnknownSender_IsIgnored()
    {
        await using var app = new SqliteApp();

        (await LoggedIpOfFailedSignInAsync(app, "10.1.2.3", "203.0.113.9")).ShouldBe("10.1.2.3");
    }

    [Fact]
    public async Task ForwardedFor_FromKnownProxy_IsTheClientAddress()
    {
        await using var app = new ProxyApp();

        (await LoggedIpOfFailedSignInAsync(app, "10.9.9.9", "203.0.113.9")).ShouldBe("203.0.113.9");
        (await LoggedIpOfFailedSignInAsync(app, "10.1.2.3", "203.0.113.9")).ShouldBe("10.1.2.3");
    }

    [Fact]
    public async Task Https_Response_CarriesHsts_AndSecureSignInCookie()
    {
        await using var app = new SqliteApp();
        var client = app.CreateClientFrom("10.1.2.4", https: true);

        var page = await client.GetAsync("/login", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value);
        var antiforgery = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var form = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = KeySellApp.AdminEmail, ["password"] = KeySellApp.AdminPassword, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        };
        form.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await client.SendAsync(form, Ct);

        page.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        antiforgery.ShouldContain("secure", Case.Insensitive);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("keysell.auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
        auth.ShouldContain("samesite=lax", Case.Insensitive);
    }

    private sealed class ProxyApp : SqliteApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> AppSettings() => [new("KeySell:ForwardedHeaders:KnownProxies", "10.9.9.9, 10.9.9.10")];
    }
}
