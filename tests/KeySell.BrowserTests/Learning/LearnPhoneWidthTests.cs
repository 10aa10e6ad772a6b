using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Learning;

/// <summary>The Learn pages on a phone: every one fits 360 pixels without scrolling sideways (UI.md: phone width works).</summary>
public sealed class LearnPhoneWidthTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int Width = 360;

    [Fact]
    public async Task EveryLearnPage_360PixelsWide_DoesNotScrollSideways()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        // A deal of the admin's own with roles mapped and a red flag (no coach), so 2-1 and the drill have something to show.
        var deal = await Fixture.Server.CreateDealAsync($"Phone Steel Group Holdings {tag}", $"Phone {tag}: inspection line upgrade",
            new DealArranger.Influence("Ouyang Mingzhe", "Chief Financial Officer and Deputy General Manager", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth),
            new DealArranger.Influence("Xu Li", "Process Engineer", BuyingRoles.Technical | BuyingRoles.User, InfluenceLevel.Medium, 0, ResponseMode.EvenKeel));
        await Fixture.Server.OwnByAdminAsync(deal);
        await Page.SetViewportSizeAsync(Width, 800);
        await SignInAsync("/learn");

        string[] pages =
        [
            "/learn", "/learn/self-checks/1-1", $"/learn/self-checks/2-1?deal={deal}", "/learn/self-checks/3-1",
            "/learn/self-checks/4-1", "/learn/drill", "/learn/progress", "/learn/team",
        ];
        var wide = new List<string>();
        foreach (var path in pages)
        {
            await Interactive.GotoAsync(Page, path);
            await Expect(Page.Locator("main h1").First).ToBeVisibleAsync();
            await Expect(Page.Locator(".mud-progress-indeterminate, .mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = BrowserFixture.Timeout });
            var scrollWidth = await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            if (scrollWidth > Width)
            {
                // Name what sticks out, so a failure says where to look.
                var culprits = await Page.EvaluateAsync<string[]>($$"""
                    () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {{Width}} + 0.5
                            && !(e.parentElement && e.parentElement.closest('.ks-table-scroll, .mud-table-container')))
                        .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + (e.dataset.testid ? '[' + e.dataset.testid + ']' : ''))
                    """);
                wide.Add($"{path}: {scrollWidth} px ({string.Join(", ", culprits)})");
            }
            await ShotAsync(path.Trim('/').Replace('/', '-').Split('?')[0]);
        }
        wide.ShouldBeEmpty();
    }
}
