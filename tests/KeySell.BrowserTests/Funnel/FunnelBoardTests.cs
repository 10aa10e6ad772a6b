using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Funnel;

/// <summary>The funnel board: a card dragged to a level it has not earned asks first, then shows premature.</summary>
public sealed class FunnelBoardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Board_DragToPrematureLevel_ConfirmsNamingWhatIsUnmetAndMarksThePremature()
    {
        var name = $"Coil line {Guid.NewGuid().ToString("N")[..8]}";
        // A complete objective but no influence at all: "in" lacks a receptive influence.
        var id = await Fixture.Server.CreateDealAsync($"Baosteel {name}", name);
        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var admin = await db.Users.SingleAsync(u => u.Email == KeySellServer.AdminEmail, TestContext.Current.CancellationToken);
            var deal = await db.Opportunities.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            deal.OwnerId = admin.ColleagueId;
            deal.FunnelLevel = FunnelLevel.Above;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await SignInAsync("/funnel");
        var inColumn = Page.Locator("[data-testid=board-column][data-funnel=in]");
        var card = Page.Locator($"[data-testid=board-card][data-id='{id}']");
        await Expect(Page.Locator("[data-testid=board-column][data-funnel=above]").Locator($"[data-id='{id}']")).ToBeVisibleAsync();
        await Expect(card).ToHaveAttributeAsync("data-premature", "false");
        var countBefore = int.Parse((await inColumn.GetByTestId("column-count").InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        var prematureRow = Page.Locator("[data-testid=board-table-row][data-funnel=in] [data-testid=board-table-premature]");
        var prematureBefore = int.Parse((await prematureRow.InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        await ShotAsync("before");

        // Other tests give the admin deals of their own, which share the column: a drag that picked up a neighbour
        // (its confirmation names another deal) is cancelled and made again.
        var dialog = Page.Locator(".mud-dialog");
        for (var attempt = 1; ; attempt++)
        {
            await DragAndDrop.DragUntilAsync(card, inColumn.GetByTestId("board-zone"), dialog);
            if (await dialog.Filter(new() { HasText = name }).CountAsync() > 0 || attempt == 3) break;
            await Page.GetByTestId("confirm-cancel").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        }
        await Expect(dialog).ToContainTextAsync(name);
        await Expect(dialog).ToContainTextAsync("at least one influence in growth or trouble mode");
        await ShotAsync("confirm");
        await Page.GetByTestId("confirm-ok").ClickAsync();

        await Expect(inColumn.Locator($"[data-id='{id}']")).ToHaveAttributeAsync("data-premature", "true");
        await Expect(inColumn.Locator($"[data-id='{id}']").GetByTestId("card-premature")).ToBeVisibleAsync();
        await Expect(inColumn.GetByTestId("column-count")).ToHaveTextAsync((countBefore + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        await Expect(prematureRow).ToHaveTextAsync((prematureBefore + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        await ShotAsync("moved");

        // The move went through the update use case: the funnel history has it.
        await using var check = Fixture.Server.Services.CreateOperatorScope();
        var changes = await check.ServiceProvider.GetRequiredService<AppDbContext>().FunnelChanges
            .Where(c => c.OpportunityId == id && c.To == FunnelLevel.In).CountAsync(TestContext.Current.CancellationToken);
        changes.ShouldBe(1);
    }
}
