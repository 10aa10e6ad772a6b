using System.Globalization;
using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Actions;

/// <summary>The action plan on the sheet: an action added with a due day in the past stands out as overdue, and shows on Home.</summary>
public sealed class ActionPlanTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task ActionsPanel_ActionDueInThePast_StandsOutAsOverdueAndShowsOnHome()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"Coil line {Guid.NewGuid().ToString("N")[..8]}";
        var text = $"Send the Baosteel reference case {Guid.NewGuid().ToString("N")[..6]}";
        var id = await Fixture.Server.CreateDealAsync($"Baosteel {name}", name);
        // The admin's own deal, so it is on the admin's Home and the action is theirs.
        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var admin = await db.Users.SingleAsync(u => u.Email == KeySellServer.AdminEmail, ct);
            var deal = await db.Opportunities.SingleAsync(o => o.Id == id, ct);
            deal.OwnerId = admin.ColleagueId;
            await db.SaveChangesAsync(ct);
        }
        var threeDaysAgo = DateOnly.FromDateTime(DateTime.Now).AddDays(-3);

        await SignInAsync($"/opportunities/{id}");
        var panel = Page.GetByTestId("actions");
        await Expect(panel.GetByTestId("actions-empty")).ToBeVisibleAsync();
        await panel.GetByTestId("action-new").FillAsync(text);
        await panel.GetByTestId("action-new").PressAsync("Enter");
        var item = panel.GetByTestId("action-item").Filter(new() { Has = Page.Locator($"[data-testid=action-text]") }).First;
        await Expect(item).ToHaveAttributeAsync("data-action", "a1");
        await Expect(item).ToHaveAttributeAsync("data-overdue", "false");
        await Expect(item.GetByTestId("action-overdue")).ToHaveCountAsync(0);
        await ShotAsync("added");

        var due = item.GetByTestId("action-due");
        await due.FillAsync(threeDaysAgo.ToString("d", CultureInfo.GetCultureInfo("en-US")));
        await due.PressAsync("Tab");

        await Expect(item).ToHaveAttributeAsync("data-overdue", "true");
        var overdue = item.GetByTestId("action-overdue");
        await Expect(overdue).ToBeVisibleAsync();
        await Expect(overdue).ToHaveTextAsync("Overdue");
        await Expect(panel.GetByTestId("actions-overdue-count")).ToHaveAttributeAsync("data-value", "1");
        await Expect(Page.GetByTestId("save-state")).ToHaveAttributeAsync("data-state", "saved");
        await ShotAsync("overdue");

        // Saved as a row of its own, with the day typed.
        await using (var check = Fixture.Server.Services.CreateOperatorScope())
        {
            var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Actions.SingleAsync(a => a.OpportunityId == id, ct);
            stored.Text.ShouldBe(text);
            stored.Due.ShouldBe(threeDaysAgo);
            stored.Status.ShouldBe(ActionStatus.Open);
        }

        await Interactive.GotoAsync(Page, "/");
        var mine = Page.GetByTestId("my-actions").Locator($"[data-testid=my-action][data-opportunity='{id}']");
        await Expect(mine).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(mine.GetByTestId("my-action-text")).ToHaveTextAsync(text);
        await Expect(mine.GetByTestId("my-action-overdue")).ToHaveTextAsync("Overdue");
        await Expect(mine.GetByTestId("my-action-link")).ToHaveTextAsync(name);
        var queueRow = Page.Locator("[data-testid=my-opportunities] tr").Filter(new() { Has = Page.Locator($"a[href='/opportunities/{id}']") });
        await Expect(queueRow.GetByTestId("next-action")).ToHaveAttributeAsync("data-action", "a1");
        await Expect(queueRow.GetByTestId("next-action-overdue")).ToBeVisibleAsync();
        await ShotAsync("home");
    }
}
