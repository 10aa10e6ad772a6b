using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Learning;

/// <summary>Progress in Chromium: a seller's answers in their own progress, the manager's team view and the member's progress from it.</summary>
public sealed class ProgressTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task SellerAnswers_SeesTheirProgress_ManagerSeesTheTeamAndTheMember()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var seller = await Fixture.Server.CreateUserAsync($"learner.{tag}@keysell.test", $"Lu Xin {tag}", "seller");
        var manager = await Fixture.Server.CreateUserAsync($"coach.{tag}@keysell.test", $"Shen Ke {tag}", "manager");
        await Fixture.Server.CreateManagedTeamAsync($"Learning team {tag}", [manager], seller);
        var deal = await Fixture.Server.CreateDealAsync($"Progress Paper {tag}", $"Progress {tag}: dryer section",
            new DealArranger.Influence("Tang Wei", "Mill Director", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth),
            new DealArranger.Influence("Zhou Ning", "Maintenance Lead", BuyingRoles.Coach, InfluenceLevel.Medium, 4, ResponseMode.Growth));
        await Fixture.Server.OwnAsync(deal, seller);

        // The seller takes 2-1 on their own deal and gets everything right.
        await SignInAsync(seller.Email, TeamArranger.Password, $"/learn/self-checks/2-1?deal={deal}");
        foreach (var (name, role) in new[] { ("Tang Wei", "economic"), ("Zhou Ning", "coach") })
        {
            var own = Page.Locator($"[data-testid=check21-person][data-name='{name}'] > .ks-check-person");
            await own.GetByTestId("check21-contact").CheckAsync();
            await own.GetByTestId("check21-role").SelectOptionAsync(role);
        }
        await Page.GetByTestId("check21-check").ClickAsync();
        await Expect(Page.GetByTestId("check21-score")).ToHaveTextAsync("100%");

        await Interactive.GotoAsync(Page, "/learn/progress");
        var twoOne = Page.Locator("[data-testid=progress-topic][data-topic='2-1']");
        await Expect(twoOne).ToHaveAttributeAsync("data-attempts", "1");
        await Expect(twoOne.GetByTestId("progress-best")).ToHaveTextAsync("100%");
        await Expect(twoOne.GetByTestId("progress-average")).ToHaveAttributeAsync("data-value", "1");
        await Expect(Page.Locator("[data-testid=progress-topic][data-topic='1-1']")).ToHaveAttributeAsync("data-attempts", "0");
        await Expect(Page.GetByTestId("progress-answer")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("progress-week")).ToHaveCountAsync(12);
        await Expect(Page.GetByTestId("progress-week").Last).ToHaveAttributeAsync("data-attempts", "1");
        await ShotAsync("my-progress");

        // A seller may not open the team's progress.
        await Interactive.GotoAsync(Page, "/learn/team");
        await Expect(Page.GetByTestId("not-allowed")).ToBeVisibleAsync();

        // The manager: the team's topics and the member with their 2-1 average, then the member's own progress.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(manager.Email, TeamArranger.Password, "/learn/team");
        await Expect(Page.GetByTestId("team-progress-page").Locator("h1")).ToHaveTextAsync("Team progress");
        var member = Page.Locator($"[data-testid=team-progress-member][data-user='{seller.Id}']");
        await Expect(member).ToHaveAttributeAsync("data-attempts", "1");
        var cell = member.Locator("[data-testid=team-progress-cell][data-topic='2-1']");
        await Expect(cell).ToHaveTextAsync("100%");
        await Expect(cell).ToHaveAttributeAsync("data-value", "1");
        await Expect(Page.Locator("[data-testid=team-progress-topic][data-topic='2-1']")).ToHaveAttributeAsync("data-value", "1");
        await ShotAsync("team");

        await member.GetByTestId("team-progress-member-link").ClickAsync();
        await Expect(Page.GetByTestId("progress-page")).ToHaveAttributeAsync("data-user", seller.Id);
        await Expect(Page.Locator("main h1")).ToContainTextAsync(seller.Name);
        await Expect(Page.Locator("[data-testid=progress-topic][data-topic='2-1']")).ToHaveAttributeAsync("data-attempts", "1");
        await ShotAsync("member-progress");

        // The team view in Chinese.
        await Page.GotoAsync($"/culture/zh-CN?returnUrl={Uri.EscapeDataString("/learn/team")}");
        await Interactive.WaitAsync(Page);
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("团队进度");
        await Expect(member.Locator("[data-testid=team-progress-cell][data-topic='2-1']")).ToHaveTextAsync("100%");
        await ShotAsync("team-zh");
    }

    [Fact]
    public async Task SomeoneElsesProgress_IsRefusedToASeller()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var one = await Fixture.Server.CreateUserAsync($"private.one.{tag}@keysell.test", $"Private One {tag}", "seller");
        var other = await Fixture.Server.CreateUserAsync($"private.two.{tag}@keysell.test", $"Private Two {tag}", "seller");
        await Fixture.Server.CreateTeamAsync($"Private team {tag}", one, other);

        await SignInAsync(one.Email, TeamArranger.Password, $"/learn/progress?userId={Uri.EscapeDataString(other.Id)}");
        await Expect(Page.GetByTestId("page-error")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("progress-topics")).ToHaveCountAsync(0);
    }
}
