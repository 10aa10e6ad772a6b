using KeySell.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.IdealCustomer;

/// <summary>The criteria page: an admin adds a criterion with its weight and saves; the list comes back as stored, in Chinese too.</summary>
public sealed class CriteriaPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CriteriaPage_AddACriterionAndSave_ItIsStoredAndTheDefaultsStayBilingual()
    {
        await SignInAsync("/ideal-customer");
        await Interactive.WaitAsync(Page);
        var rows = Page.GetByTestId("criterion-row");
        var before = await rows.CountAsync();
        before.ShouldBeGreaterThanOrEqualTo(1);
        var name = $"Reference value {Guid.NewGuid():N}"[..22];

        await Page.GetByTestId("criterion-add").ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        await rows.Last.GetByTestId("criterion-name").FillAsync(name);
        await rows.Last.GetByTestId("criterion-weight").FillAsync("4");
        await rows.Last.GetByTestId("criterion-weight").PressAsync("Tab");
        await Page.GetByTestId("criteria-save").ClickAsync();

        // The row carries the name as soon as it is typed; only a stored row has an id. Wait for that, or the
        // language switch below reloads the page before the circuit has handled the save.
        await Expect(Page.Locator($"[data-testid=criterion-row][data-name='{name}'][data-stored='true']")).ToHaveCountAsync(1);
        await ShotAsync("criteria-saved");
        await Page.GetByTestId("lang-zh").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Interactive.WaitAsync(Page);
        await Expect(Page.Locator("[data-testid=criterion-row][data-name='行业匹配']")).ToHaveCountAsync(1);
        await Expect(Page.Locator($"[data-testid=criterion-row][data-name='{name}']").GetByTestId("criterion-weight")).ToHaveValueAsync("4");
    }
}
