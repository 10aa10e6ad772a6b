using KeySell.Application.Data;
using KeySell.Application.Quotas;
using KeySell.Application.Teams;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Accounts;
using KeySell.Domain.Opportunities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Quotas;

/// <summary>The coverage page (funnel contract: quota and coverage), read by the seller in both languages.</summary>
public sealed class CoveragePageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CoveragePage_SellerInBothLanguages_ReadsTheFiguresAndWhatTheQuotaNeeds()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var seller = await Fixture.Server.CreateUserAsync($"coverage.{tag}@keysell.test", $"Coverage Seller {tag}", "seller");
        await Fixture.Server.CreateTeamAsync($"Coverage team {tag}", seller);
        // Won 200,000; best-few 300,000 × 0.60 = 180,000: coverage (200,000 + 180,000) / 1,000,000 = 38 %,
        // gap 620,000; typical deal 200,000 (the one won); best-few needs 620,000 / 0.6 = 1,033,333.33 → 6 deals.
        await ArrangeAsync(seller, tag);

        await SignInAsync(seller.Email, TeamArranger.Password, "/coverage?period=2027-Q1");
        var sheet = Page.GetByTestId("coverage-sheet");
        await Expect(sheet).ToBeVisibleAsync(new() { Timeout = BrowserFixture.Timeout });

        await Expect(Page.GetByTestId("coverage-heading")).ToContainTextAsync("quota coverage 2027-Q1");
        await Expect(Page.GetByTestId("coverage-quota-value")).ToHaveTextAsync("CN¥1,000,000");
        await Expect(Page.GetByTestId("coverage-won-value")).ToHaveTextAsync("CN¥200,000");
        await Expect(Page.GetByTestId("coverage-weighted-value")).ToHaveTextAsync("CN¥180,000");
        await Expect(Page.GetByTestId("coverage-coverage-value")).ToHaveTextAsync("38%");
        await Expect(Page.GetByTestId("coverage-gap-value")).ToHaveTextAsync("CN¥620,000");
        await Expect(Page.GetByTestId("coverage-typical")).ToContainTextAsync("Typical deal: CN¥200,000");
        var bestFew = Page.Locator("[data-testid=coverage-need][data-level=best-few]");
        await Expect(bestFew.GetByTestId("coverage-rate")).ToHaveTextAsync("60%");
        await Expect(bestFew.GetByTestId("coverage-rate-from")).ToHaveTextAsync("default");
        await Expect(bestFew.GetByTestId("coverage-need-amount")).ToHaveTextAsync("CN¥1,033,333.33");
        await Expect(bestFew.GetByTestId("coverage-need-deals")).ToHaveTextAsync("6");
        var above = Page.Locator("[data-testid=coverage-need][data-level=above]");
        await Expect(above.GetByTestId("coverage-need-amount")).ToHaveTextAsync("CN¥6,200,000");
        await Expect(above.GetByTestId("coverage-need-deals")).ToHaveTextAsync("31");
        await Expect(Page.GetByTestId("coverage-rates-from")).ToHaveAttributeAsync("data-from", "defaults");
        await Expect(Page.GetByTestId("coverage-chart-table")).ToContainTextAsync("Gap");
        // A seller reads their coverage; setting quotas is for their manager.
        await Expect(Page.GetByTestId("quota-form")).ToHaveCountAsync(0);
        await ShotAsync("english");

        await Page.GetByTestId("lang-zh").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(sheet).ToBeVisibleAsync(new() { Timeout = BrowserFixture.Timeout });
        await Expect(Page.GetByTestId("coverage-heading")).ToContainTextAsync("2027-Q1 指标覆盖");
        await Expect(Page.GetByTestId("coverage-gap")).ToContainTextAsync("缺口");
        await Expect(Page.GetByTestId("coverage-gap-value")).ToHaveTextAsync("¥620,000");
        await Expect(Page.GetByTestId("coverage-coverage-value")).ToHaveTextAsync("38%");
        await Expect(Page.GetByText("这个指标需要什么")).ToBeVisibleAsync();
        await Expect(bestFew.GetByTestId("coverage-rate-from")).ToHaveTextAsync("默认值");
        await Expect(bestFew.GetByTestId("coverage-need-deals")).ToHaveTextAsync("6");
        await Expect(Page.GetByText("What this quota needs")).ToHaveCountAsync(0);
        await ShotAsync("chinese");

        // Printed, the page is the sheet alone: no app bar, menu or controls.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("coverage-period")).ToBeHiddenAsync();
        await Expect(sheet).ToBeVisibleAsync();
        await ShotAsync("print");
    }

    [Fact]
    public async Task CoveragePage_ManagerPicksAMemberWithoutQuota_SetsItAndReadsTheCoverage()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var seller = await Fixture.Server.CreateUserAsync($"member.{tag}@keysell.test", $"Member Seller {tag}", "seller");
        var manager = await Fixture.Server.CreateUserAsync($"lead.{tag}@keysell.test", $"Lead Manager {tag}", "manager");
        await ManagedTeamAsync($"Managed team {tag}", manager, seller);
        await ArrangeAsync(seller, tag, quota: false);

        await SignInAsync(manager.Email, TeamArranger.Password, "/coverage?period=2027-Q1");
        await Page.GetByTestId("coverage-seller").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = seller.Name }).ClickAsync();
        await Expect(Page.GetByTestId("coverage-problem")).ToContainTextAsync("no quota for 2027-Q1");
        await Expect(Page.GetByTestId("quota-form")).ToContainTextAsync(seller.Name);
        await ShotAsync("no-quota");

        var amount = Page.GetByTestId("quota-amount").Locator("xpath=self::input | descendant::input").First;
        await amount.FillAsync("1000000");
        await amount.BlurAsync();
        await Page.GetByTestId("quota-save").ClickAsync();

        await Expect(Page.GetByTestId("coverage-quota-value")).ToHaveTextAsync("CN¥1,000,000");
        await Expect(Page.GetByTestId("coverage-coverage-value")).ToHaveTextAsync("38%");
        await Expect(Page.GetByTestId("coverage-heading")).ToContainTextAsync(seller.Name);
        await ShotAsync("quota-set");
    }

    /// <summary>A team whose first member is marked manager, made as the admin would.</summary>
    private async Task ManagedTeamAsync(string name, TeamArranger.User manager, params TeamArranger.User[] members)
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var ct = TestContext.Current.CancellationToken;
        var team = await scope.ServiceProvider.GetRequiredService<CreateTeam.Handler>().Handle(new(name), ct);
        var set = await scope.ServiceProvider.GetRequiredService<SetTeamMembers.Handler>().Handle(
            new(team.Value.Id, [new SetTeamMembers.Member(manager.Id, true), .. members.Select(m => new SetTeamMembers.Member(m.Id, false))]), ct);
        set.Succeeded.ShouldBeTrue();
    }

    private async Task ArrangeAsync(TeamArranger.User seller, string tag, bool quota = true)
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = new Account { Name = $"Coverage Works {tag}", OwnerId = seller.ColleagueId };
        db.Opportunities.Add(new Opportunity
        {
            Account = account, OwnerId = seller.ColleagueId, Name = $"Won line {tag}", FunnelLevel = FunnelLevel.Won,
            Objective = new SalesObjective { Product = "Line", Amount = 200_000m, Currency = "CNY", CloseDate = new DateOnly(2027, 2, 10) },
        });
        db.Opportunities.Add(new Opportunity
        {
            Account = account, OwnerId = seller.ColleagueId, Name = $"Best few line {tag}", FunnelLevel = FunnelLevel.BestFew,
            Objective = new SalesObjective { Product = "Line", Amount = 300_000m, Currency = "CNY", CloseDate = new DateOnly(2027, 3, 31) },
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        if (!quota) return;
        var saved = await scope.ServiceProvider.GetRequiredService<SetQuota.Handler>()
            .Handle(new SetQuota.Command(seller.Id, "2027-Q1", 1_000_000m), TestContext.Current.CancellationToken);
        saved.Succeeded.ShouldBeTrue();
    }
}
