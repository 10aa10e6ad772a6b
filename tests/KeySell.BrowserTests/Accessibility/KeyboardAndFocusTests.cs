using KeySell.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Accessibility;

/// <summary>
/// Issue 11 §5 for keyboard users: a skip link first in the tab order that moves the focus to main, the focus on the
/// page's visible heading after each navigation, a visible focus ring on MudBlazor's buttons, and one h1 per page.
/// </summary>
public sealed class KeyboardAndFocusTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Where a user starts who tabs into a freshly loaded document: the focus at its very start. (Blurring the heading
    // that FocusOnNavigate focused would leave Chromium's tab starting point on that heading.)
    private const string FocusDocumentStart = "() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }";

    [Fact]
    public async Task SkipLink_FirstTab_IsVisibleAndEnterMovesFocusToMain()
    {
        await SignInAsync("/accounts");
        await Expect(Page.Locator("main h1")).ToBeVisibleAsync();
        var skip = Page.GetByTestId("skip-link");
        // Off screen until focused.
        (await skip.BoundingBoxAsync())!.X.ShouldBeLessThan(0);

        // From the top of the document, the first Tab reaches the skip link.
        await Page.EvaluateAsync(FocusDocumentStart);
        await Page.Keyboard.PressAsync("Tab");

        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to content");
        await Expect(skip).ToBeInViewportAsync();
        (await skip.BoundingBoxAsync())!.X.ShouldBeGreaterThanOrEqualTo(0);
        await ShotAsync("skip-link-focused");

        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("main#main-content")).ToBeFocusedAsync();
        (await Page.EvaluateAsync<string>("() => location.pathname")).ShouldBe("/accounts");
        // The next Tab goes on inside the page, not back to the app bar.
        await Page.Keyboard.PressAsync("Tab");
        (await Page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)")).ShouldBeTrue();
    }

    [Fact]
    public async Task Navigation_ToAnotherPage_FocusesItsVisibleHeading()
    {
        await SignInAsync("/");
        await Expect(Page.Locator("main h1")).ToBeVisibleAsync();

        await Page.GetByTestId("nav-accounts").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts$"));

        var heading = Page.Locator("main h1");
        await Expect(heading).ToHaveTextAsync("Accounts");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(heading).ToBeVisibleAsync();
        (await heading.BoundingBoxAsync())!.Width.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task FocusedMudButton_ByKeyboard_ShowsAnOutlineOfAtLeastTwoPixels()
    {
        await SignInAsync("/accounts");
        var button = Page.GetByTestId("account-new");
        await Expect(button).ToBeVisibleAsync();

        // Keyboard focus (:focus-visible) — a click would not show the ring, and should not.
        await Page.GetByTestId("account-search").FocusAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        while (!await button.EvaluateAsync<bool>("b => b === document.activeElement"))
            await Page.Keyboard.PressAsync("Shift+Tab");
        await ShotAsync("button-focused");

        var style = await button.EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
        style[0].ShouldBe("solid");
        double.Parse(style[1].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        style[2].ShouldBe("rgb(26, 77, 143)"); // the primary blue: 8.6:1 on white
    }

    [Fact]
    public async Task FocusedAppBarButton_ByKeyboard_ShowsAWhiteOutlineOnTheDarkBar()
    {
        await SignInAsync("/accounts");
        await Expect(Page.Locator("main h1")).ToBeVisibleAsync();
        await Page.EvaluateAsync(FocusDocumentStart);
        await Page.Keyboard.PressAsync("Tab"); // skip link
        await Page.Keyboard.PressAsync("Tab"); // the menu button

        var menu = Page.GetByTestId("drawer-toggle");
        await Expect(menu).ToBeFocusedAsync();
        var style = await menu.EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineColor]; }");
        style.ShouldBe(["solid", "rgb(255, 255, 255)"]);
    }

    [Theory]
    [InlineData("en", "Sign in")]
    [InlineData("zh-CN", "登录")]
    public async Task SignInPage_EachLanguage_HasOneVisibleH1AndTheRightLang(string language, string heading)
    {
        await Page.GotoAsync($"/culture/{language}?returnUrl={Uri.EscapeDataString("/login")}");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(Page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(Page.Locator("main h1")).ToHaveTextAsync(heading);
        await Expect(Page.Locator("main h1")).ToBeVisibleAsync();
        await ShotAsync($"sign-in-{language}");
    }

    [Fact]
    public async Task EveryLayoutPage_HasOneMainLandmark()
    {
        await SignInAsync("/coverage");
        await Expect(Page.Locator("main h1")).ToBeVisibleAsync();

        await Expect(Page.Locator("main")).ToHaveCountAsync(1);
        await Expect(Page.Locator("main h1")).ToHaveCountAsync(1);
        // The app bar is the one banner; the drawer's menu is navigation.
        await Expect(Page.Locator("header, [role=banner]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("nav, [role=navigation]").First).ToBeAttachedAsync();
    }
}
