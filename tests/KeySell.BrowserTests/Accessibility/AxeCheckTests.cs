using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KeySell.Application.Actions;
using KeySell.Application.Calls;
using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Accessibility;

/// <summary>
/// Every page of the app, in English and in Chinese, checked by axe-core (WCAG 2.1 A and AA rules) in Chromium: a
/// serious or critical violation fails the test with the page, the rule, its impact and the elements it found
/// (decision 0031). One browser page visits them all in turn, so the check costs one sign-in per language.
/// </summary>
/// <remarks>
/// axe-core is npm's package as Deque.AxeCore.Playwright embeds it, evaluated through Playwright: nothing is fetched
/// and the page's Content-Security-Policy does not stand in the way. <c>/scalar</c> is not checked: its markup is the
/// vendor's bundle, not ours (ScalarTests check that it stays on this server and shows no vendor buttons).
/// </remarks>
public sealed class AxeCheckTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>A page to check: its path, and what shows that its content has loaded.</summary>
    private sealed record Route(string Name, string Path, Func<IPage, Task> Loaded);

    private static Task Heading(IPage page) => Expect(page.Locator("main h1").First).ToBeVisibleAsync();

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task EveryPage_Axe_HasNoSeriousOrCriticalViolation(string language)
    {
        var routes = await ArrangeAsync(language);
        var violations = new StringBuilder();

        // Signed out: the sign-in page, in the chosen language.
        await Page.GotoAsync($"/culture/{language}?returnUrl={Uri.EscapeDataString("/login")}");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(Page.GetByTestId("signin-heading")).ToBeVisibleAsync();
        await CheckAsync("sign-in", violations);

        await SignInAsync("/");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        foreach (var route in routes)
        {
            await Page.GotoAsync(route.Path);
            // My account is plain server-rendered HTML (no circuit); every other page settles once interactive.
            if (route.Path != "/account") await Interactive.WaitAsync(Page);
            await route.Loaded(Page);
            // Nothing still loading: axe checks what the user reads, not a spinner (a bar that shows a value stays).
            await Expect(Page.Locator(".mud-progress-indeterminate, .mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = BrowserFixture.Timeout });
            await CheckAsync(route.Name, violations);
        }

        if (violations.Length > 0)
            Assert.Fail($"axe-core found serious or critical WCAG 2.1 AA violations ({language}):\n{violations}");
    }

    private async Task CheckAsync(string page, StringBuilder violations)
    {
        var result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        foreach (var violation in result.Violations.Where(v => Failing.Contains(v.Impact)))
        {
            violations.AppendLine($"- {page} ({new Uri(Page.Url).PathAndQuery}): {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes.Take(8))
                violations.AppendLine($"    {node.Target}  {node.Html}");
            if (violation.Nodes.Length > 8) violations.AppendLine($"    … and {violation.Nodes.Length - 8} more");
        }
    }

    /// <summary>One deal with its account, people (one who left) and a planned call; every route of the app (the @page directives) to visit.</summary>
    private async Task<List<Route>> ArrangeAsync(string language)
    {
        var ct = TestContext.Current.CancellationToken;
        var opportunity = await Fixture.Server.CreateDealAsync($"Axe Steel Works {language}", $"Axe {language}: inspection line",
            new DealArranger.Influence("Ma Lin", "Plant Manager", BuyingRoles.User, InfluenceLevel.High, 3, ResponseMode.Growth),
            new DealArranger.Influence("Qian Yu", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, -2, ResponseMode.Trouble));
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var deal = await db.Opportunities.Where(o => o.Id == opportunity).Select(o => new { o.AccountId }).SingleAsync(ct);
        var person = await db.People.Where(p => p.AccountId == deal.AccountId).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync(ct);
        // Someone who left: the org chart shows them muted, which must still read at 4.5:1.
        db.People.Add(new KeySell.Domain.OrgCharts.Person { AccountId = deal.AccountId, Name = "Sun Bo", Title = "Former buyer", Status = KeySell.Domain.OrgCharts.PersonStatus.LeftCompany });
        await db.SaveChangesAsync(ct);
        // The signed-in admin owns an overdue action, so Home always shows "my actions this week" whether other tests
        // ran first or not. A short deal name over a long account name is what axe reads as a link set in a block of
        // text (link-in-text-block). The deal itself is not the admin's: it stays off the admin's funnel board, where
        // the board's drag test works.
        var admin = await db.Users.Where(u => u.Email == KeySellServer.AdminEmail).Select(u => u.ColleagueId).SingleAsync(ct);
        var mine = await Fixture.Server.CreateDealAsync($"Axe Reference Steel Works Group Holdings {language}", $"Axe {language}");
        var action = await scope.ServiceProvider.GetRequiredService<CreateAction.Handler>().Handle(
            new CreateAction.Command(mine, Text: "Send the inspection case study", OwnerId: admin,
                Due: DateOnly.FromDateTime(DateTime.Now).AddDays(-2)), ct);
        action.Succeeded.ShouldBeTrue();
        var call = await scope.ServiceProvider.GetRequiredService<PlanCall.Handler>().Handle(
            new PlanCall.Command(opportunity, Date: new DateOnly(2027, 1, 12), With: ["p1"], Commitment: "Ma Lin agrees to a plant visit"), ct);
        call.Succeeded.ShouldBeTrue();

        return
        [
            new("home", "/", p => Expect(p.GetByTestId("my-action-link").First).ToBeVisibleAsync()),
            new("accounts", "/accounts", Heading),
            new("account", $"/accounts/{deal.AccountId}", p => Expect(p.GetByTestId("account-title")).ToBeVisibleAsync()),
            new("person", $"/people/{person}", p => Expect(p.GetByTestId("person-heading")).ToBeVisibleAsync()),
            new("pipeline", "/opportunities", Heading),
            new("strategy sheet", $"/opportunities/{opportunity}", p => new StrategySheet(p).WaitLoadedAsync()),
            new("deal map", $"/opportunities/{opportunity}/map", p => Expect(p.GetByTestId("map-canvas")).ToHaveAttributeAsync("data-ready", "true")),
            new("account map", $"/accounts/{deal.AccountId}/map", p => Expect(p.GetByTestId("map-canvas")).ToHaveAttributeAsync("data-ready", "true")),
            new("call print", $"/opportunities/{opportunity}/calls/{call.Value.Id}/print", p => Expect(p.GetByTestId("call-print-opportunity")).ToBeVisibleAsync()),
            new("funnel board", "/funnel", Heading),
            new("coverage", "/coverage", Heading),
            new("ideal customer", "/ideal-customer", Heading),
            new("team review", "/team", Heading),
            new("colleagues", "/colleagues", Heading),
            new("imports", "/imports", Heading),
            new("users", "/admin/users", Heading),
            new("teams", "/admin/teams", Heading),
            new("recycle bin", "/admin/recycle-bin", Heading),
            new("security log", "/admin/security-log", Heading),
            new("money", "/admin/money", Heading),
            new("my account", "/account", Heading),
            // Learn, part B: self-check 2-1 on the deal above, today's drill (the admin owns a deal), progress, team progress.
            new("self-check 2-1", $"/learn/self-checks/2-1?deal={opportunity}", p => Expect(p.GetByTestId("check21-person").First).ToBeVisibleAsync()),
            new("drill", "/learn/drill", p => Expect(p.Locator("[data-testid=drill-question], [data-testid=drill-unavailable]").First).ToBeVisibleAsync()),
            new("progress", "/learn/progress", p => Expect(p.GetByTestId("progress-topics")).ToBeVisibleAsync()),
            new("team progress", "/learn/team", p => Expect(p.GetByTestId("team-progress-topics")).ToBeVisibleAsync()),
            new("not allowed", "/not-allowed", Heading),
            // Learn, part A (issue 12): the hub and the self-checks 1-1, 3-1 and 4-1.
            new("learn", "/learn", p => Expect(p.GetByTestId("learn-check-card")).ToHaveCountAsync(4)),
            new("self-check 1-1", "/learn/self-checks/1-1", p => Expect(p.GetByTestId("check11-row")).ToHaveCountAsync(3)),
            new("self-check 3-1", "/learn/self-checks/3-1", p => Expect(p.GetByTestId("check31-question")).ToHaveCountAsync(3)),
            new("self-check 4-1", "/learn/self-checks/4-1", p => Expect(p.GetByTestId("check41-chip")).ToHaveCountAsync(14)),
        ];
    }
}
