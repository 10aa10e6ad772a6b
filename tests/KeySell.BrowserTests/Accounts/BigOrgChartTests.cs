using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Accounts;
using KeySell.Domain.OrgCharts;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Accounts;

/// <summary>An account with hundreds of people: the chart opens a branch at a time and search reaches anyone (decision 0016).</summary>
public sealed class BigOrgChartTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>总经理 Gao Feng ← 4 directors ← 80 staff each; staff 0 of each director is 采购 (procurement); 325 people.</summary>
    private async Task<Guid> ArrangeAsync()
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var company = new Account { Name = $"Big Group {Guid.NewGuid():N}"[..20] };
        var boss = new Person { Name = "高峰 Gao Feng", Title = "总经理 General Manager" };
        company.People.Add(boss);
        for (var d = 0; d < 4; d++)
        {
            var director = new Person { Name = $"Director {d} 主任{d}", Title = "Director", ReportsTo = boss };
            company.People.Add(director);
            for (var s = 0; s < 80; s++)
                company.People.Add(new Person { Name = $"Staff {d}-{s:00}", Title = s == 0 ? "采购专员 Buyer" : "Engineer", ReportsTo = director });
        }
        db.Add(company);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return company.Id;
    }

    [Fact]
    public async Task AccountPage_HundredsOfPeople_ShowsTheTopsThenOpensABranchAPageAtATime()
    {
        var account = await ArrangeAsync();
        await SignInAsync($"/accounts/{account}");
        await Interactive.WaitAsync(Page);
        var accounts = new AccountPages(Page);

        // The boss and the four directors fit in the first cards; 320 staff do not.
        await Expect(accounts.PersonNode("高峰 Gao Feng")).ToBeVisibleAsync();
        await Expect(accounts.OrgChart.GetByTestId("person-node")).ToHaveCountAsync(5);
        (await accounts.IsUnderAsync("Director 2", "高峰 Gao Feng")).ShouldBeTrue();

        // The director's own list item: the innermost one holding their card (a Has locator is relative to the li).
        var director = accounts.OrgChart.Locator("li", new() { Has = Page.GetByTestId("person-node").Filter(new() { HasText = "Director 2" }) }).Last;
        await director.GetByTestId("branch-toggle").First.ClickAsync();
        await Expect(accounts.OrgChart.GetByTestId("person-node")).ToHaveCountAsync(5 + 50);
        (await accounts.IsUnderAsync("Staff 2-00", "Director 2")).ShouldBeTrue();
        await director.GetByTestId("branch-more").ClickAsync();
        await Expect(accounts.OrgChart.GetByTestId("person-node")).ToHaveCountAsync(5 + 80);
        await Expect(accounts.PersonNode("Staff 2-79")).ToBeVisibleAsync();
        await ShotAsync("big-org-chart-branch");
    }

    [Fact]
    public async Task AccountPage_SearchByPartOfATitle_FindsPeopleDeepInTheChart()
    {
        var account = await ArrangeAsync();
        await SignInAsync($"/accounts/{account}");
        await Interactive.WaitAsync(Page);
        var accounts = new AccountPages(Page);

        await Page.GetByTestId("org-search").FillAsync("采购");

        await Expect(accounts.OrgChart.GetByTestId("person-node")).ToHaveCountAsync(4);
        await Expect(accounts.PersonNode("Staff 3-00")).ToBeVisibleAsync();
        await ShotAsync("big-org-chart-search");
    }
}
