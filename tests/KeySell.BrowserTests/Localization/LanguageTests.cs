using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Localization;

public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task LanguageSwitch_Chinese_ShowsMethodTermsAndSticksAfterReload()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Language Steel Works", "Language: inspection line",
            new("Zhou Lei", "Production Manager", BuyingRoles.Coach, InfluenceLevel.Medium, 4, ResponseMode.Growth),
            new("Wu Min", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 1, ResponseMode.EvenKeel));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await ExpectEnglishAsync(sheet);
        await ShotAsync("english");

        await Page.GetByTestId("lang-zh").ClickAsync();
        await Expect(Page.GetByTestId("nav-accounts")).ToContainTextAsync("客户");
        await sheet.WaitLoadedAsync();
        await ExpectChineseAsync(sheet);
        await ShotAsync("chinese");

        await Interactive.ReloadAsync(Page);
        await sheet.WaitLoadedAsync();
        await ExpectChineseAsync(sheet);
        await ShotAsync("chinese-after-reload");

        await Page.GetByTestId("lang-en").ClickAsync();
        await Expect(Page.GetByTestId("nav-accounts")).ToContainTextAsync("Accounts");
        await sheet.WaitLoadedAsync();
        await ExpectEnglishAsync(sheet);
        await ShotAsync("english-again");
    }

    private async Task ExpectChineseAsync(StrategySheet sheet)
    {
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.GetByTestId("nav-accounts")).ToContainTextAsync("客户");
        await Expect(sheet.Grid.Locator("th", new() { HasText = "支持度" })).ToBeVisibleAsync();
        await Expect(sheet.Row("Zhou Lei").GetByTestId("role-coach")).ToHaveAttributeAsync("aria-label", "教练");
        await Expect(sheet.Row("Wu Min").GetByTestId("role-economic")).ToHaveAttributeAsync("aria-label", "决策者");
        // The Chinese grid shows the course's words on its badges, not the English letters (issue 11).
        await Expect(sheet.Row("Zhou Lei").GetByTestId("role-user")).ToHaveTextAsync("用户");
        await Expect(sheet.Row("Wu Min").GetByTestId("role-economic")).ToHaveTextAsync("决策");
        await Expect(Page.GetByText("Support", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private async Task ExpectEnglishAsync(StrategySheet sheet)
    {
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.GetByTestId("nav-accounts")).ToContainTextAsync("Accounts");
        await Expect(sheet.Grid.Locator("th", new() { HasText = "Support" })).ToBeVisibleAsync();
        // The badge shows a letter; its name holds that letter and the role's word (WCAG 2.5.3).
        await Expect(sheet.Row("Zhou Lei").GetByTestId("role-coach")).ToHaveTextAsync("C");
        await Expect(sheet.Row("Zhou Lei").GetByTestId("role-coach")).ToHaveAttributeAsync("aria-label", "C (Coach)");
        await Expect(Page.GetByText("支持度")).ToHaveCountAsync(0);
    }
}
