using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Learning;

/// <summary>Self-check 2-1 in Chromium: whom to contact in a deal's org chart and in which role, graded against the deal's roles.</summary>
public sealed class OrgChartSelfCheckTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task OnlyTheEconomicBuyerChosen_ExplanationNamesTheMissedCoach()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var deal = await Fixture.Server.CreateDealAsync($"Check21 Steel {tag}", $"Check21 {tag}: coil line",
            new DealArranger.Influence("Luo Jie", "General Manager", BuyingRoles.Economic, InfluenceLevel.High, 1, ResponseMode.Trouble),
            new DealArranger.Influence("Gao Feng", "Quality Engineer", BuyingRoles.Coach, InfluenceLevel.Medium, 3, ResponseMode.Growth));
        await Fixture.Server.ReportsToAsync(deal, "Gao Feng", "Luo Jie");

        await SignInAsync($"/learn/self-checks/2-1?deal={deal}");
        await Expect(Page.GetByTestId("check21-page").Locator("h1")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("check21-deal")).ToHaveValueAsync(deal.ToString());
        var luo = Person("Luo Jie");
        var gao = Person("Gao Feng");
        // The org chart is a tree by reports-to: Gao Feng's entry sits inside Luo Jie's.
        await Expect(luo.Locator("[data-testid=check21-person][data-name='Gao Feng']")).ToHaveCountAsync(1);
        await Expect(Own(gao).GetByTestId("check21-role")).ToBeDisabledAsync();
        await ShotAsync("org-chart");

        await Own(luo).GetByTestId("check21-contact").CheckAsync();
        await Own(luo).GetByTestId("check21-role").SelectOptionAsync("economic");
        await Page.GetByTestId("check21-check").ClickAsync();

        await Expect(Page.GetByTestId("check21-explanation")).ToContainTextAsync("Gao Feng");
        await Expect(Own(luo)).ToHaveAttributeAsync("data-result", "right");
        await Expect(Own(gao)).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Own(gao).GetByTestId("check21-person-result")).ToHaveTextAsync("Wrong");
        await Expect(Own(gao).GetByTestId("check21-recorded")).ToContainTextAsync("Coach");
        await Expect(Page.GetByTestId("check21-score")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+%$"));
        (await Page.GetByTestId("check21-result").GetAttributeAsync("data-score")).ShouldNotBe("1");
        await ShotAsync("graded");

        // Again, with the coach too: everyone right.
        await Page.GetByTestId("check21-again").ClickAsync();
        await Own(gao).GetByTestId("check21-contact").CheckAsync();
        await Own(gao).GetByTestId("check21-role").SelectOptionAsync("coach");
        await Page.GetByTestId("check21-check").ClickAsync();
        await Expect(Page.GetByTestId("check21-result")).ToHaveAttributeAsync("data-score", "1");
        await Expect(Page.GetByTestId("check21-score")).ToHaveTextAsync("100%");
        await Expect(Own(gao)).ToHaveAttributeAsync("data-result", "right");
        await ShotAsync("all-right");
    }

    [Fact]
    public async Task AContactWithoutARole_IsAskedForOne()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var deal = await Fixture.Server.CreateDealAsync($"Check21 Glass {tag}", $"Check21 {tag}: furnace",
            new DealArranger.Influence("He Min", "Plant Director", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth),
            new DealArranger.Influence("Pan Yu", "Process Engineer", BuyingRoles.Technical, InfluenceLevel.Medium, 0, ResponseMode.EvenKeel));

        await SignInAsync($"/culture/zh-CN?returnUrl={Uri.EscapeDataString($"/learn/self-checks/2-1?deal={deal}")}");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Own(Person("Pan Yu")).GetByTestId("check21-contact").CheckAsync();
        await Page.GetByTestId("check21-check").ClickAsync();
        await Expect(Page.GetByTestId("check21-missing-role")).ToHaveTextAsync("请为每个勾选的人指定角色。");
        await Expect(Page.GetByTestId("check21-result")).ToHaveCountAsync(0);

        await Own(Person("Pan Yu")).GetByTestId("check21-role").SelectOptionAsync("technical");
        await Page.GetByTestId("check21-check").ClickAsync();
        await Expect(Own(Person("Pan Yu"))).ToHaveAttributeAsync("data-result", "right");
        await Expect(Own(Person("He Min"))).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Page.GetByTestId("check21-explanation")).ToContainTextAsync("He Min");
        await ShotAsync("graded-zh");
    }

    [Fact]
    public async Task NoDealWithRoles_SaysSo()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var seller = await Fixture.Server.CreateUserAsync($"check21.none.{tag}@keysell.test", $"Check Newcomer {tag}", "seller");
        await Fixture.Server.CreateTeamAsync($"Check21 team {tag}", seller);

        await SignInAsync(seller.Email, TeamArranger.Password, "/learn/self-checks/2-1");
        await Expect(Page.GetByTestId("check21-unavailable")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("check21-orgchart")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("learn-back")).ToHaveAttributeAsync("href", "/learn");
        await ShotAsync("no-deal");
    }

    private ILocator Person(string name) => Page.Locator($"[data-testid=check21-person][data-name='{name}']");

    /// <summary>The person's own line, without the people who report to them.</summary>
    private static ILocator Own(ILocator person) => person.Locator(":scope > .ks-check-person");
}
