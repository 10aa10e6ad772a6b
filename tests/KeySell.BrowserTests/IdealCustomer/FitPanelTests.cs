using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.IdealCustomer;

/// <summary>Rating an account on its page: the fit panel shows score and coverage as ratings are given, and saves them.</summary>
public sealed class FitPanelTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private async Task<Guid> ArrangeAsync()
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = new Account { Name = $"Fit Works {Guid.NewGuid():N}"[..18] };
        db.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return account.Id;
    }

    private async Task<int> TotalWeightAsync()
    {
        await using var scope = Fixture.Server.Services.CreateOperatorScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SumAsync(db.FitCriteria, c => c.Weight, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AccountPage_RateTwoCriteria_ShowsScoreAndCoverageAndKeepsThemAfterReload()
    {
        var account = await ArrangeAsync();
        await SignInAsync($"/accounts/{account}");
        await Interactive.WaitAsync(Page);
        var panel = Page.GetByTestId("fit-panel");
        var rows = panel.GetByTestId("fit-row");
        // The five defaults first, weight 1 each (another test may add a criterion after them).
        var count = await rows.CountAsync();
        count.ShouldBeGreaterThanOrEqualTo(2);
        await Expect(panel.GetByTestId("fit-score")).ToHaveAttributeAsync("data-value", "");

        await rows.Nth(0).GetByTestId("fit-rating").FillAsync("4");
        await rows.Nth(0).GetByTestId("fit-rating").PressAsync("Tab");
        await Expect(panel.GetByTestId("fit-save-state")).ToHaveAttributeAsync("data-state", "saved");
        await rows.Nth(1).GetByTestId("fit-rating").FillAsync("-1");
        await rows.Nth(1).GetByTestId("fit-rating").PressAsync("Tab");

        // Defaults of weight 1: (4 − 1) / 2 = 1.5; two of five criteria rated: 0.4.
        await Expect(panel.GetByTestId("fit-score")).ToHaveAttributeAsync("data-value", "1.5");
        // Coverage 2 / Σ weights (0.4 with the five defaults; another test may have added a criterion meanwhile).
        await Expect(panel.GetByTestId("fit-coverage")).ToHaveAttributeAsync("data-value", Math.Round(2m / await TotalWeightAsync(), 2, MidpointRounding.AwayFromZero).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(panel.GetByTestId("fit-save-state")).ToHaveAttributeAsync("data-state", "saved");
        await ShotAsync("fit-panel-rated");

        await Page.ReloadAsync();
        await Interactive.WaitAsync(Page);
        await Expect(Page.GetByTestId("fit-panel").GetByTestId("fit-score")).ToHaveAttributeAsync("data-value", "1.5");
        await Expect(Page.GetByTestId("account-score-value")).ToContainTextAsync("1.5");
    }
}
