using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Reviews;

/// <summary>The manager's review as a manager uses it: the team page, a deal's changes since the last review, and "Reviewed".</summary>
public sealed class TeamReviewPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Manager_PressesReviewed_ChangeCountResetsToZero()
    {
        var seller = await Fixture.Server.CreateUserAsync("review.seller@keysell.test", "Lin Fang", "seller");
        var manager = await Fixture.Server.CreateUserAsync("review.manager@keysell.test", "Qian Wei", "manager");
        await Fixture.Server.CreateManagedTeamAsync("Review team East", [manager], seller);
        var deal = await Fixture.Server.CreateDealAsync("Review Cement Works", "Review: kiln controls",
            new DealArranger.Influence("Du Lan", "Plant Director", BuyingRoles.Economic, InfluenceLevel.High, 1, ResponseMode.Growth));
        await Fixture.Server.OwnAsync(deal, seller);
        // Every history line of the deal so far (made, its influence, its new owner): none was reviewed.
        var lines = await LinesAsync(deal);
        lines.ShouldBeGreaterThan(0);

        await SignInAsync(manager.Email, TeamArranger.Password, "/");
        await Page.GetByTestId("nav-team-review").ClickAsync();
        await Expect(Page.GetByTestId("team-review")).ToBeVisibleAsync();
        await Interactive.WaitAsync(Page);
        var row = Page.GetByTestId("review-deals").Locator($"tr:has([data-testid='review-deal'][data-id='{deal}'])");
        await Expect(row.GetByTestId("review-deal-link")).ToHaveTextAsync("Review: kiln controls");
        await Expect(row.GetByTestId("changes-since-review")).ToHaveAttributeAsync("data-value", lines.ToString());
        await Expect(Page.GetByTestId("review-member").Filter(new() { HasText = "Lin Fang" })).ToBeVisibleAsync();
        await ShotAsync("team-review");

        await row.GetByTestId("review-button").ClickAsync();
        await Page.GetByTestId("review-note").Locator("xpath=self::textarea | self::input | descendant::textarea | descendant::input").First.FillAsync("Budget confirmed with Du Lan");
        await Page.GetByTestId("review-confirm").ClickAsync();

        await Expect(row.GetByTestId("changes-since-review")).ToHaveAttributeAsync("data-value", "0");
        await ShotAsync("team-review-reviewed");
        var note = await WithDbAsync(db => db.Reviews.Where(r => r.OpportunityId == deal).Select(r => r.Note).SingleAsync(TestContext.Current.CancellationToken));
        note.ShouldBe("Budget confirmed with Du Lan");

        await Page.GetByTestId("lang-zh").ClickAsync();
        await Expect(Page.GetByTestId("team-review").Locator("h1")).ToHaveTextAsync("团队审阅");
        await Expect(Page.GetByTestId("review-deals")).ToContainTextAsync("已审阅");
        await ShotAsync("team-review-chinese");
    }

    [Fact]
    public async Task Seller_DoesNotSeeTheTeamReview()
    {
        var seller = await Fixture.Server.CreateUserAsync("review.only.seller@keysell.test", "Yu Tao", "seller");
        await Fixture.Server.CreateTeamAsync("Review team West", seller);

        await SignInAsync(seller.Email, TeamArranger.Password, "/");
        await Expect(Page.GetByTestId("nav-home")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("nav-team-review")).ToHaveCountAsync(0);
    }

    private Task<int> LinesAsync(Guid deal) => WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.OpportunityId == deal, TestContext.Current.CancellationToken));

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> use)
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        return await use(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
