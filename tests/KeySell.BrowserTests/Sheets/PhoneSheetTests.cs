using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Sheets;

public sealed class PhoneSheetTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected override (int Width, int Height) Viewport => (375, 800);

    [Fact]
    public async Task StrategySheet_PhoneWidth_ShowsInfluencesAsCardsWithoutSidewaysScrolling()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Phone Steel Works", "Phone: inspection line",
            new("Chen Jing", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth),
            new("Liu Yang", "Quality Engineer", BuyingRoles.Coach | BuyingRoles.User, InfluenceLevel.Medium, 4, ResponseMode.Trouble),
            new("Sun Hao", "IT Architect", BuyingRoles.Technical, InfluenceLevel.Low, -1, ResponseMode.EvenKeel));
        await SignInAsync($"/opportunities/{opportunity}");
        var sheet = new StrategySheet(Page);
        await sheet.WaitLoadedAsync();
        await Expect(sheet.Rows).ToHaveCountAsync(3);
        await ShotAsync("sheet-phone");

        foreach (var person in new[] { "Chen Jing", "Liu Yang", "Sun Hao" })
        {
            var card = sheet.Row(person);
            await Expect(card).ToBeVisibleAsync();
            // A card is a block as wide as the screen allows, not a cell-wide table row.
            (await card.EvaluateAsync<string>("row => getComputedStyle(row).display")).ShouldNotBe("table-row", $"{person} is still a table row");
            var box = await card.BoundingBoxAsync();
            box.ShouldNotBeNull();
            box.X.ShouldBeGreaterThanOrEqualTo(0);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(375.5f, $"{person}'s card sticks out of the screen");
        }
        await Expect(sheet.Row("Chen Jing").GetByTestId("support")).ToHaveAttributeAsync("data-value", "2");
        await Expect(sheet.Row("Sun Hao").GetByTestId("support")).ToHaveAttributeAsync("data-value", "-1");
        await Expect(sheet.Row("Liu Yang").GetByTestId("role-coach")).ToHaveAttributeAsync("aria-pressed", "true");

        await sheet.Row("Sun Hao").ScrollIntoViewIfNeededAsync();
        await ShotAsync("sheet-phone-last-card");
        var (scrollWidth, innerWidth) = await PageWidthAsync();
        scrollWidth.ShouldBeLessThanOrEqualTo(innerWidth, $"the page scrolls sideways at phone width; sticking out: {await OverflowingAsync()}");
    }

    private async Task<(int ScrollWidth, int InnerWidth)> PageWidthAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The innermost elements that reach past the right edge, to say what to fix.</summary>
    private Task<string> OverflowingAsync() => Page.EvaluateAsync<string>(
        """
        () => {
          const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5);
          return wide.filter(e => !wide.some(other => other !== e && e.contains(other))).slice(0, 8)
            .map(e => `<${e.tagName.toLowerCase()} class="${e.className}" testid="${e.dataset.testid ?? ''}"> right=${Math.round(e.getBoundingClientRect().right)}`)
            .join('; ');
        }
        """);
}
