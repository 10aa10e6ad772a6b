using KeySell.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Actions;

/// <summary>The calendar link on the account page: shown once when made, with its warning; replacing it retires the old one.</summary>
public sealed class CalendarLinkPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>A client with no cookie of any kind, as a calendar program is.</summary>
    private HttpClient Anonymous() => new() { BaseAddress = new Uri(Fixture.Server.BaseUrl) };

    [Fact]
    public async Task AccountPage_CalendarLink_IsShownOnceWithAWarningAndReplacingItRetiresTheOldOne()
    {
        await SignInAsync("/");
        await Page.GotoAsync("/account"); // plain server-rendered: no circuit to wait for
        var panel = Page.GetByTestId("calendar-link");
        await Expect(panel.GetByTestId("calendar-link-warning")).ToBeVisibleAsync();

        await panel.GetByTestId("calendar-link-replace").ClickAsync();
        var url = panel.GetByTestId("calendar-link-url");
        await Expect(url).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/calendar/[A-Za-z0-9_-]{43}\\.ics$"));
        var first = await url.InputValueAsync();
        await Expect(panel.GetByTestId("calendar-link-copy")).ToBeVisibleAsync();
        await ShotAsync("made");

        // A calendar program fetches it without any cookie.
        var feed = await Anonymous().GetAsync(new Uri(first).PathAndQuery, TestContext.Current.CancellationToken);
        feed.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await feed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldStartWith("BEGIN:VCALENDAR");

        // Shown once: coming back says a link exists, without showing it.
        await Page.GotoAsync("/account");
        await Expect(panel.GetByTestId("calendar-link-exists")).ToBeVisibleAsync();
        await Expect(panel.GetByTestId("calendar-link-url")).ToHaveCountAsync(0);

        await panel.GetByTestId("calendar-link-replace").ClickAsync();
        await Expect(url).Not.ToHaveValueAsync(first);
        var second = await url.InputValueAsync();
        await ShotAsync("replaced");

        var client = Anonymous();
        (await client.GetAsync(new Uri(first).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri(second).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
