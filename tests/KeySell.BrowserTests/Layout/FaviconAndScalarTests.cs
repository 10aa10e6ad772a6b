using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KeySell.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Layout;

/// <summary>Issue 11's small faults outside the pages: favicon.ico was 404 everywhere, and /scalar loaded fonts from the
/// internet and showed the vendor's buttons.</summary>
public sealed class FaviconAndScalarTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly Regex VendorControl = new(@"deploy|share|generate sdk|open api client|ask ai|agent|powered by|scalar\.com", RegexOptions.IgnoreCase);

    [Fact]
    public async Task FaviconIco_Get_Returns200WithAnIcon()
    {
        using var http = new HttpClient();

        var response = await http.GetAsync($"{Fixture.Server.BaseUrl}/favicon.ico", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldStartWith("image/");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes[..4].ShouldBe(new byte[] { 0, 0, 1, 0 }); // an ICO file's header: reserved 0, type 1 (icon)
    }

    [Fact]
    public async Task SignInPage_Loaded_LinksTheIconAndGetsNo404()
    {
        var missing = new ConcurrentQueue<string>();
        Page.Response += (_, response) => { if (response.Status == 404) missing.Enqueue(response.Url); };

        await Page.GotoAsync("/login");
        await Expect(Page.GetByTestId("signin-heading")).ToBeVisibleAsync();
        var icon = await Page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var answer = await Page.APIRequest.GetAsync(icon!);

        answer.Status.ShouldBe(200);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scalar_SignedIn_RequestsNothingFromAnotherOriginAndShowsNoVendorButton()
    {
        var requests = new ConcurrentQueue<string>();
        await SignInAsync("/accounts");
        Page.Request += (_, request) => requests.Enqueue(request.Url);

        await Page.GotoAsync("/scalar");
        await Expect(Page.GetByText("Signs in with email and password").First).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Fixture.ScreenshotDirectory, "FaviconAndScalarTests-scalar.png") });

        var origin = new Uri(Fixture.Server.BaseUrl).GetLeftPart(UriPartial.Authority);
        requests.ShouldNotBeEmpty();
        requests.Where(url => !url.StartsWith(origin + "/", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal))
            .ShouldBeEmpty("every request of /scalar stays on the server's own origin");
        // The vendor's buttons: the developer toolbar (share, deploy, SDKs), the API client download, the AI agent, the
        // "Powered by" link. Downloading the OpenAPI document is ours and stays.
        var controls = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('button, a, [role=button]')].filter(e => e.offsetParent !== null)" +
            ".map(e => (e.getAttribute('aria-label') || '') + ' ' + e.textContent.trim() + ' ' + (e.getAttribute('href') || ''))");
        controls.Where(name => VendorControl.IsMatch(name)).ShouldBeEmpty();
    }
}
