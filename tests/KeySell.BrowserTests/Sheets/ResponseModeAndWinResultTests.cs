using KeySell.Domain.Opportunities;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Opportunities;
using KeySell.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KeySell.Domain.BuyingInfluences;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Sheets;

/// <summary>The response-mode question, the receptivity badge and the course's win-result suggestions on the sheet.</summary>
public sealed class ResponseModeAndWinResultTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ModeQuestion_Answered_SetsModeAndReceptivityThatSurviveReload()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Question Steel Works", "Question: inspection line",
            new("Zhou Min", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.EvenKeel),
            new("Wu Lei", "Quality Engineer", BuyingRoles.Coach | BuyingRoles.User, InfluenceLevel.Medium, 4, ResponseMode.Unknown));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();

        var row = sheet.Row("Zhou Min");
        await Expect(row.GetByTestId("receptivity")).ToHaveAttributeAsync("data-receptive", "false");
        await Expect(sheet.Row("Wu Lei").GetByTestId("receptivity")).Not.ToHaveAttributeAsync("data-receptive", new System.Text.RegularExpressions.Regex(".*"));

        await row.GetByTestId("mode-question").ClickAsync();
        await row.GetByTestId("mode-answer-good-but-want-more").ClickAsync();
        await Expect(sheet.Row("Zhou Min").GetByTestId("mode")).ToHaveAttributeAsync("data-mode", "growth");
        await Expect(sheet.Row("Zhou Min").GetByTestId("receptivity")).ToHaveAttributeAsync("data-receptive", "true");
        await sheet.WaitSavedAsync();
        await ShotAsync("mode-answered");

        await Interactive.ReloadAsync(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Row("Zhou Min").GetByTestId("mode")).ToHaveAttributeAsync("data-mode", "growth");
        await Expect(sheet.Row("Zhou Min").GetByTestId("receptivity")).ToHaveAttributeAsync("data-receptive", "true");
    }

    [Fact]
    public async Task ResultSuggestion_ForEconomicBuyer_IsOfferedAndAdded()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Suggest Steel Works", "Suggest: inspection line",
            new DealArranger.Influence("Qian Hui", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();

        await sheet.OpenWinResultsAsync("Qian Hui");
        var results = sheet.Row("Qian Hui").GetByTestId("results");
        // MudTextField may put the test id on its input or on the wrapper around it.
        await results.Locator("input[data-testid=results-new], [data-testid=results-new] input").First.FillAsync("return");
        var suggestion = results.GetByTestId("results-suggestion").Filter(new() { HasText = "return on investment" });
        await Expect(suggestion).ToBeVisibleAsync();
        // Results and wins are separate lists: a win's suggestion is not offered as a result.
        await Expect(results.GetByTestId("results-suggestion").Filter(new() { HasText = "promotion" })).ToHaveCountAsync(0);
        await suggestion.ClickAsync();
        await Expect(sheet.Row("Qian Hui").GetByTestId("results-item").Filter(new() { HasText = "return on investment" })).ToBeVisibleAsync();
        await sheet.WaitSavedAsync();
        await ShotAsync("result-suggested");

        await Interactive.ReloadAsync(Page);
        await sheet.WaitLoadedAsync();
        await sheet.OpenWinResultsAsync("Qian Hui");
        await Expect(sheet.Row("Qian Hui").GetByTestId("results-item").Filter(new() { HasText = "return on investment" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RedFlags_OfEachSeverity_CriticalStandsOutAndInfoIsQuiet()
    {
        // An economic buyer on an even keel (critical: unreceptive-economic-buyer), no coach (warning:
        // no-coach) and no strength of ours on the sheet (info: no-strength), per the funnel contract.
        var opportunity = await Fixture.Server.CreateDealAsync("Severity Steel Works", "Severity: inspection line",
            new DealArranger.Influence("Lin Feng", "Chief Executive Officer", BuyingRoles.Economic, InfluenceLevel.High, 1, ResponseMode.EvenKeel));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();

        var critical = Page.Locator("[data-testid=red-flag][data-flag=unreceptive-economic-buyer]");
        await Expect(critical).ToHaveAttributeAsync("data-severity", "critical");
        await Expect(critical.Locator(".kss-severity")).ToHaveTextAsync("Critical");
        await Expect(critical.Locator(".kss-severity")).ToHaveCSSAsync("background-color", "rgb(198, 40, 40)");
        await Expect(Page.Locator("[data-testid=red-flag][data-flag=no-coach]")).ToHaveAttributeAsync("data-severity", "warning");
        var info = Page.Locator("[data-testid=red-flag][data-flag=no-strength]");
        await Expect(info).ToHaveAttributeAsync("data-severity", "info");
        await Expect(info.Locator(".kss-severity")).ToHaveTextAsync("Info");
        // Quiet: no filled badge, and the rule's name is not in the alarm red.
        await Expect(info.Locator(".kss-severity")).ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        await Expect(info.Locator(".kss-flag-id")).Not.ToHaveCSSAsync("color", "rgb(183, 28, 28)");
        await ShotAsync("red-flag-severity");
    }

    [Fact]
    public async Task Home_MyOpportunity_ShowsItsRedFlagCountTopFlagAndPrematureMarker()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Home Steel Works", "Home: inspection line",
            new DealArranger.Influence("Zheng Bo", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 1, ResponseMode.EvenKeel));
        int expected;
        bool premature;
        string topFlag;
        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            // Home lists only the signed-in seller's deals, so the arranged deal becomes the admin's.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var admin = await db.Users.SingleAsync(u => u.Email == KeySellServer.AdminEmail, TestContext.Current.CancellationToken);
            var deal = await db.Opportunities.SingleAsync(o => o.Id == opportunity, TestContext.Current.CancellationToken);
            deal.OwnerId = admin.ColleagueId;
            // Best few with one influence and no coach: a level its sheet does not support, so Home marks it premature.
            deal.FunnelLevel = FunnelLevel.BestFew;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            // What the API's analysis reports; Home shows it from the stored summary.
            var analysis = await scope.ServiceProvider.GetRequiredService<AnalyzeOpportunity.Handler>()
                .Handle(new(opportunity), TestContext.Current.CancellationToken);
            expected = analysis.Value.RedFlags.Count;
            premature = analysis.Value.Funnel.Premature;
            topFlag = analysis.Value.RedFlags[0].Message;
        }
        expected.ShouldBeGreaterThan(0);
        premature.ShouldBeTrue();

        await SignInAsync("/");
        var row = Page.Locator("tr", new() { Has = Page.GetByTestId("opportunity-link").Filter(new() { HasText = "Home: inspection line" }) });
        await Expect(row.GetByTestId("redflag-count")).ToHaveAttributeAsync("data-value", expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row.GetByTestId("redflag-count")).ToContainTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The work queue's top flag is the analysis's first, in words; the premature marker shows exactly when the analysis says so.
        await Expect(row.GetByTestId("top-flag")).ToContainTextAsync(topFlag);
        await Expect(row.GetByTestId("premature")).ToBeVisibleAsync();
        await ShotAsync("home-redflags");
    }
}
