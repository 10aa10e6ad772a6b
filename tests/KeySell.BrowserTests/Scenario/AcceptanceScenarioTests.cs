using KeySell.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Scenario;

/// <summary>The acceptance scenario, clicked through in a real browser from an empty database.</summary>
public sealed class AcceptanceScenarioTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Seller_BuildsAccountOrgChartAndDeal_ThreeInfluencesSurviveReload()
    {
        await SignInAsync();
        await ShotAsync("home");

        var accounts = new AccountPages(Page);
        await accounts.CreateAccountAsync("Huaxin Steel", "Steel", "Shanghai");
        await ShotAsync("account-created");

        await accounts.AddPersonAsync("Li Wei", "Chief Financial Officer");
        await accounts.AddPersonAsync("Zhang Min", "Production Manager", manager: "Li Wei");
        (await accounts.IsUnderAsync("Zhang Min", "Li Wei")).ShouldBeTrue("Zhang Min should hang under Li Wei in the org chart");
        (await accounts.IsUnderAsync("Li Wei", "Zhang Min")).ShouldBeFalse("Li Wei reports to nobody");
        await ShotAsync("org-chart");

        await accounts.CreateOpportunityAsync("Coil inspection line", "Coil inspection line", 1_200_000m, "CNY");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Rows).ToHaveCountAsync(0);
        await ShotAsync("empty-sheet");

        await sheet.AddExistingPersonAsync("Li Wei");
        await sheet.ToggleRoleAsync("Li Wei", 'E');
        await sheet.PickAsync("Li Wei", "influence-level", "High");
        await sheet.SetSupportAsync("Li Wei", 2);
        await sheet.PickAsync("Li Wei", "mode", "Growth");

        await sheet.AddExistingPersonAsync("Zhang Min");
        await sheet.ToggleRoleAsync("Zhang Min", 'C');
        await sheet.SetSupportAsync("Zhang Min", 4);

        await sheet.AddNewPersonAsync("Wang Fang", "IT Director");
        await sheet.ToggleRoleAsync("Wang Fang", 'T');
        await sheet.SetSupportAsync("Wang Fang", -1);
        await sheet.WaitSavedAsync();
        await ShotAsync("three-influences");

        await Interactive.ReloadAsync(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Rows).ToHaveCountAsync(3);

        var economic = sheet.Row("Li Wei");
        await Expect(economic.GetByTestId("role-economic")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(economic.GetByTestId("role-coach")).ToHaveAttributeAsync("aria-pressed", "false");
        await sheet.ExpectShowsAsync("Li Wei", "influence-level", "High");
        await Expect(economic.GetByTestId("support")).ToHaveAttributeAsync("data-value", "2");
        await Expect(economic.GetByTestId("support")).ToHaveTextAsync("+2");
        await Expect(economic.GetByTestId("mode")).ToHaveAttributeAsync("data-mode", "growth");

        var coach = sheet.Row("Zhang Min");
        await Expect(coach.GetByTestId("role-coach")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(coach.GetByTestId("role-economic")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(coach.GetByTestId("support")).ToHaveAttributeAsync("data-value", "4");
        await Expect(coach.GetByTestId("support")).ToHaveTextAsync("+4");

        var technical = sheet.Row("Wang Fang");
        await Expect(technical.GetByTestId("role-technical")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(technical.GetByTestId("support")).ToHaveAttributeAsync("data-value", "-1");
        await Expect(technical.GetByTestId("support")).ToHaveTextAsync("\u22121");
        await ShotAsync("after-reload");

        // The person created from the sheet joined the account's org chart.
        await Page.GetByTestId("account-link").ClickAsync();
        await Expect(accounts.PersonNode("Wang Fang")).ToBeVisibleAsync();
        // Each card shows the person's part in the open deal: role badges and support.
        var economicOnDeal = accounts.PersonNode("Li Wei").GetByTestId("person-deal");
        await Expect(economicOnDeal.GetByTestId("role-badges")).ToHaveTextAsync("E");
        await Expect(economicOnDeal.GetByTestId("support-chip")).ToHaveTextAsync("+2");
        await Expect(accounts.PersonNode("Wang Fang").GetByTestId("support-chip")).ToHaveTextAsync("\u22121");
        await ShotAsync("org-chart-with-new-person");

        // The coach's own page knows their manager and the deal they influence.
        await accounts.PersonNode("Zhang Min").ClickAsync();
        await Expect(Page.GetByTestId("person-heading")).ToHaveTextAsync("Zhang Min");
        await Expect(Page.GetByTestId("person-manager-link")).ToHaveTextAsync("Li Wei");
        var deal = Page.GetByTestId("person-deals").Locator("tr")
            .Filter(new() { Has = Page.GetByTestId("person-deal-link").Filter(new() { HasText = "Coil inspection line" }) });
        await Expect(deal.GetByTestId("support-chip")).ToHaveTextAsync("+4");
        await ShotAsync("coach-person-page");
    }
}
