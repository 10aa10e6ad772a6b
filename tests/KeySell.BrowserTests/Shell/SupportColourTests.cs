using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Shell;

/// <summary>
/// One support colour scale and one role colour: the same +4 or coach looks the same in the sheet's grid and in the
/// account's org chart. Two scales once differed in shade (issue 11); this compares what the browser paints.
/// </summary>
public sealed class SupportColourTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task SupportAndRole_SheetAndOrgChart_PaintTheSameColours()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var opportunity = await Fixture.Server.CreateDealAsync($"Colour Steel {suffix}", "Colour: coating line",
            new("Gao Jie", "Plant Director", BuyingRoles.Coach, InfluenceLevel.High, 4, ResponseMode.Growth),
            new("Qian Hui", "Buyer", BuyingRoles.Economic, InfluenceLevel.Medium, -4, ResponseMode.Trouble));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();

        var onSheet = new Dictionary<string, string>
        {
            ["+4"] = await BackgroundAsync(sheet.Row("Gao Jie").GetByTestId("support")),
            ["-4"] = await BackgroundAsync(sheet.Row("Qian Hui").GetByTestId("support")),
            ["coach"] = await BackgroundAsync(sheet.Row("Gao Jie").GetByTestId("role-coach")),
        };
        onSheet["+4"].ShouldNotBe(onSheet["-4"]);

        await Page.GetByTestId("account-link").First.ClickAsync();
        var gao = Page.GetByTestId("person-node").Filter(new() { HasText = "Gao Jie" });
        var qian = Page.GetByTestId("person-node").Filter(new() { HasText = "Qian Hui" });
        await Expect(gao.GetByTestId("support-chip")).ToBeVisibleAsync();
        await ShotAsync("org-chart");

        (await BackgroundAsync(gao.GetByTestId("support-chip"))).ShouldBe(onSheet["+4"]);
        (await BackgroundAsync(qian.GetByTestId("support-chip"))).ShouldBe(onSheet["-4"]);
        (await BackgroundAsync(gao.Locator(".ks-role-coach"))).ShouldBe(onSheet["coach"]);
    }

    private static Task<string> BackgroundAsync(ILocator element) =>
        element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
}
