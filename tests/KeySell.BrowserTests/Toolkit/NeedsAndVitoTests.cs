using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Toolkit;

/// <summary>The needs tree built by keyboard with its live self-check, and the top officer marked on the sheet.</summary>
public sealed class NeedsAndVitoTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task NeedsTree_BuiltByKeyboard_ChecksTurnGreenAndTheTreeIsStored()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Needs Steel Works", "Needs: inspection line",
            new DealArranger.Influence("Zhou Min", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        var needs = Page.GetByTestId("needs");
        var rooted = needs.GetByTestId("needs-check-rooted");
        var decomposed = needs.GetByTestId("needs-check-decomposed");
        var landed = needs.GetByTestId("needs-check-landed");
        var problems = needs.GetByTestId("need-problem");
        await Expect(rooted).ToHaveAttributeAsync("data-state", "none");

        await needs.Locator("textarea[data-testid=needs-current-state], [data-testid=needs-current-state] textarea").First
            .FillAsync("Month-end close takes 12 days across 9 subsidiaries");
        await needs.GetByTestId("need-add").ClickAsync();
        await Expect(problems.Nth(0)).ToBeFocusedAsync();
        await problems.Nth(0).PressSequentiallyAsync("Cash tied up by slow invoicing");
        await Expect(problems.Nth(0)).ToHaveValueAsync("Cash tied up by slow invoicing");
        // One branch, one layer, one leaf without a solution: rooted only.
        await Expect(rooted).ToHaveAttributeAsync("data-state", "pass");
        await Expect(decomposed).ToHaveAttributeAsync("data-state", "fail");
        await Expect(landed).ToHaveAttributeAsync("data-state", "fail");

        // Enter adds a line below and moves there; Tab makes it part of the line above.
        await problems.Nth(0).PressAsync("Enter");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.Nth(1)).ToBeFocusedAsync();
        await problems.Nth(1).PressSequentiallyAsync("Invoices wait for manual matching");
        await problems.Nth(1).PressAsync("Tab");
        await Expect(needs.GetByTestId("need-row").Nth(1)).ToHaveAttributeAsync("data-depth", "1");
        await Expect(problems.Nth(1)).ToBeFocusedAsync();

        // A new line under it, moved back up a level with Shift+Tab: a second layer.
        await problems.Nth(1).PressAsync("Enter");
        await Expect(problems.Nth(2)).ToBeFocusedAsync();
        await Expect(needs.GetByTestId("need-row").Nth(2)).ToHaveAttributeAsync("data-depth", "1");
        await problems.Nth(2).PressSequentiallyAsync("Complaints answered late");
        await problems.Nth(2).PressAsync("Shift+Tab");
        await Expect(needs.GetByTestId("need-row").Nth(2)).ToHaveAttributeAsync("data-depth", "0");
        await Expect(decomposed).ToHaveAttributeAsync("data-state", "fail");

        await problems.Nth(2).PressAsync("Enter");
        await Expect(problems.Nth(3)).ToBeFocusedAsync();
        await problems.Nth(3).PressSequentiallyAsync("The board sees last month's figures late");
        // Three first-level branches, each on its own layer.
        await Expect(decomposed).ToHaveAttributeAsync("data-state", "pass");
        await Expect(landed).ToHaveAttributeAsync("data-state", "fail");

        var solutions = needs.GetByTestId("need-solution");
        await solutions.Nth(1).FillAsync("Automatic three-way matching");
        await solutions.Nth(2).FillAsync("Service desk with response times");
        await Expect(landed).ToHaveAttributeAsync("data-state", "fail");
        await solutions.Nth(3).FillAsync("Consolidation dashboard");
        await Expect(rooted).ToHaveAttributeAsync("data-state", "pass");
        await Expect(decomposed).ToHaveAttributeAsync("data-state", "pass");
        await Expect(landed).ToHaveAttributeAsync("data-state", "pass");
        await Expect(needs).ToHaveAttributeAsync("data-pending", "false");
        await sheet.WaitSavedAsync();
        await ShotAsync("needs-tree");

        await Interactive.ReloadAsync(Page);
        await sheet.WaitLoadedAsync();
        await Expect(problems).ToHaveCountAsync(4);
        var depths = await needs.GetByTestId("need-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.depth)");
        depths.ShouldBe(["0", "1", "0", "0"]);
        await Expect(problems.Nth(0)).ToHaveValueAsync("Cash tied up by slow invoicing");
        await Expect(problems.Nth(1)).ToHaveValueAsync("Invoices wait for manual matching");
        await Expect(problems.Nth(3)).ToHaveValueAsync("The board sees last month's figures late");
        await Expect(landed).ToHaveAttributeAsync("data-state", "pass");
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().NeedNodes.Where(n => n.OpportunityId == opportunity)
            .CountAsync(TestContext.Current.CancellationToken)).ShouldBe(4);
    }

    [Fact]
    public async Task Seniority_SetToTopOfficer_ShowsTheVitoBadgeOnThePersonAndTheSheet()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Vito Steel Works", "Vito: inspection line",
            new DealArranger.Influence("Qian Hui", "Group Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Row("Qian Hui").GetByTestId("vito-badge")).ToHaveCountAsync(0);

        await sheet.Row("Qian Hui").GetByTestId("person-link").ClickAsync();
        await Interactive.WaitAsync(Page);
        await Page.GetByTestId("person-edit").ClickAsync();
        await Page.GetByTestId("person-seniority").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Top officer (VITO)" }).ClickAsync();
        await Page.GetByTestId("person-save").ClickAsync();
        await Expect(Page.GetByTestId("person-save")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("vito-badge")).ToBeVisibleAsync();

        await Interactive.GotoAsync(Page, $"/opportunities/{opportunity}");
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Row("Qian Hui").GetByTestId("vito-badge")).ToHaveTextAsync("VITO");
        await ShotAsync("vito-badge");
    }
}

/// <summary>The objection stepper and the deal's SWOT quadrants, saved and read back.</summary>
public sealed class ObjectionStepsAndSwotTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static string Input(string testId) => $"input[data-testid={testId}], [data-testid={testId}] input";

    [Fact]
    public async Task Steps_TickedOutOfOrder_AndASwotThreat_SurviveReload()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Steps Steel Works", "Steps: inspection line",
            new DealArranger.Influence("Sun Li", "Plant Manager", BuyingRoles.User, InfluenceLevel.Medium, 1, ResponseMode.Growth));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();

        await Page.Locator(Input("objection-new")).First.FillAsync("Price is 20% above budget");
        await Page.Locator(Input("objection-new")).First.PressAsync("Enter");
        var objection = Page.GetByTestId("objection-item");
        await Expect(objection).ToHaveCountAsync(1);
        await sheet.WaitSavedAsync();
        await objection.Locator("[data-testid=objection-step][data-step=restated]").ClickAsync();
        await Expect(objection.Locator("[data-testid=objection-step][data-step=restated]")).ToHaveAttributeAsync("aria-pressed", "true");
        await sheet.WaitSavedAsync();
        await objection.Locator("[data-testid=objection-step][data-step=listened]").ClickAsync();
        await Expect(objection.Locator("[data-testid=objection-step][data-step=listened]")).ToHaveAttributeAsync("aria-pressed", "true");
        await sheet.WaitSavedAsync();

        var threats = Page.GetByTestId("swot-threats");
        await threats.Locator(Input("swot-threats-new")).First.FillAsync("Incumbent's price cut");
        await threats.Locator(Input("swot-threats-new")).First.PressAsync("Enter");
        await Expect(threats.GetByTestId("swot-item")).ToHaveCountAsync(1);
        await sheet.WaitSavedAsync();
        await ShotAsync("steps-and-swot");

        await Interactive.ReloadAsync(Page);
        await sheet.WaitLoadedAsync();
        var steps = Page.GetByTestId("objection-item").GetByTestId("objection-step");
        await Expect(steps.Nth(0)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(steps.Nth(1)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(steps.Nth(2)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(steps.Nth(3)).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Page.GetByTestId("swot-threats").Locator(Input("swot-text")).First).ToHaveValueAsync("Incumbent's price cut");
    }
}
