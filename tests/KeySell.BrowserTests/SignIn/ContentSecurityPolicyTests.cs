using System.Collections.Concurrent;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.SignIn;

/// <summary>The app works under its Content-Security-Policy: no violation while signing in and using the main pages.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task SignInAccountsAndSheet_UnderTheCsp_NoViolation()
    {
        var violations = new ConcurrentQueue<string>();
        Page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Enqueue(message.Text); };
        // The browser reports each blocked script, style or connection with this event, before any console line.
        await Page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var opportunity = await Fixture.Server.CreateDealAsync("Policy Steel Works", "Policy: inspection line",
            new DealArranger.Influence("Chen Jie", "Plant Manager", BuyingRoles.User, InfluenceLevel.High, 3, ResponseMode.Growth));

        var document = await Page.GotoAsync("/login");
        var policy = await document!.HeaderValueAsync("content-security-policy");
        policy.ShouldNotBeNull();
        policy.ShouldContain("script-src 'self';");
        await SignInAsync("/accounts");
        await Expect(Page.GetByTestId("nav-accounts")).ToBeVisibleAsync();
        await ShotAsync("accounts");
        await Interactive.GotoAsync(Page, $"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Row("Chen Jie")).ToBeVisibleAsync();
        await ShotAsync("sheet");
        await Page.GotoAsync("/account"); // plain server-rendered: no circuit to wait for
        await Expect(Page.GetByTestId("account-change-password")).ToBeVisibleAsync();

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scalar_SignedIn_RendersUnderItsOwnPolicyWithoutViolation()
    {
        var violations = new ConcurrentQueue<string>();
        Page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Enqueue(message.Text); };
        await Page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        await SignInAsync("/accounts");

        await Page.GotoAsync("/scalar");
        await Expect(Page.GetByText("Signs in with email and password").First).ToBeVisibleAsync();
        await ShotAsync("scalar");

        // Scalar's bundle probes for eval and works without it; 'unsafe-eval' stays off even here.
        violations.Where(v => !v.Contains("script-src eval", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Kestrel_Response_HasSecurityHeadersAndNoServerHeader()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync($"{Fixture.Server.BaseUrl}/login", TestContext.Current.CancellationToken);

        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Permissions-Policy").ShouldBeTrue();
    }
}
