using System.Text.RegularExpressions;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Learning;

/// <summary>
/// Today's drill in Chromium: a question about one's own deal answered, its explanation, and its link to the sheet's
/// cell. Other tests give the admin deals too, so the question is looked for by the deal and, when the day's five hold
/// none about it, whichever question is there is answered instead.
/// </summary>
public sealed class DrillTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task AnswerAQuestion_SeeWhy_FollowTheLinkToTheHighlightedCell()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        // No coach among the buying influences: the no-coach red flag fires.
        var deal = await Fixture.Server.CreateDealAsync($"Drill Works {tag}", $"Drill {tag}: no coach",
            new DealArranger.Influence("Qin Hao", "Plant Director", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth),
            new DealArranger.Influence("Xu Li", "Process Engineer", BuyingRoles.Technical, InfluenceLevel.Medium, 0, ResponseMode.EvenKeel));
        await Fixture.Server.OwnByAdminAsync(deal);

        await SignInAsync("/learn/drill");
        await Expect(Page.GetByTestId("drill-question").First).ToBeVisibleAsync();
        var count = await Page.GetByTestId("drill-question").CountAsync();
        count.ShouldBeInRange(1, 5);
        await Expect(Page.GetByTestId("drill-answered")).ToHaveAttributeAsync("data-of", count.ToString());
        var about = Page.Locator($"[data-testid=drill-question][data-opportunity='{deal}']");
        var question = await about.CountAsync() > 0 ? about.First : Page.GetByTestId("drill-question").First;
        var id = (await question.GetAttributeAsync("data-question"))!;
        var topic = (await question.GetAttributeAsync("data-topic"))!;
        question = Page.Locator($"[data-testid=drill-question][data-question='{id}']");
        var answeredBefore = int.Parse((await Page.GetByTestId("drill-answered").GetAttributeAsync("data-value"))!);
        await Expect(question.GetByTestId("drill-prompt")).ToHaveTextAsync(new Regex(@"\S"));
        await ShotAsync("drill");

        // Check without a choice: asked for one, nothing graded.
        await question.GetByTestId("drill-check").ClickAsync();
        await Expect(question.GetByTestId("drill-error")).ToHaveTextAsync("Choose an answer first.");

        await question.GetByTestId("drill-choice").First.CheckAsync();
        if (await question.GetByTestId("drill-receptive").CountAsync() > 0) await question.GetByTestId("drill-receptive").First.CheckAsync();
        await question.GetByTestId("drill-check").ClickAsync();

        var result = question.GetByTestId("drill-result");
        await Expect(result).ToHaveAttributeAsync("data-result", new Regex("^(right|wrong)$"));
        await Expect(question.GetByTestId("drill-explanation")).ToHaveTextAsync(new Regex(@"\S{3}"));
        await Expect(question.GetByTestId("drill-score")).ToHaveTextAsync(new Regex(@"^\d+%$"));
        await Expect(question).ToHaveAttributeAsync("data-answered", "true");
        var wasAnswered = answeredBefore > 0 && await question.GetByTestId("drill-not-counted").CountAsync() > 0;
        if (!wasAnswered) await Expect(Page.GetByTestId("drill-answered")).ToHaveAttributeAsync("data-value", (answeredBefore + 1).ToString());
        var link = question.GetByTestId("drill-sheet-link");
        await Expect(link).ToHaveTextAsync("Show on the sheet");
        var href = (await link.GetAttributeAsync("href"))!;
        href.ShouldMatch(@"^/opportunities/[0-9a-f-]{36}\?cell=[a-z-]+");
        await ShotAsync("answered");

        await link.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == href);
        await Expect(Page.GetByTestId("strategy-sheet")).ToBeVisibleAsync();
        await Expect(Page.Locator(".kss-cell-highlight")).ToHaveCountAsync(1);
        await ShotAsync("sheet-cell");

        // My progress holds the answer just given.
        await Interactive.GotoAsync(Page, "/learn/progress");
        var row = Page.Locator($"[data-testid=progress-topic][data-topic='{topic}']");
        await Expect(row).Not.ToHaveAttributeAsync("data-attempts", "0");
        await Expect(Page.Locator($"[data-testid=progress-answer][data-topic='{topic}']").First).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("progress-week").Last).Not.ToHaveAttributeAsync("data-attempts", "0");
        await ShotAsync("progress");

        // In Chinese the question answered today shows its score, and answering again is not counted twice.
        await Page.GotoAsync($"/culture/zh-CN?returnUrl={Uri.EscapeDataString("/learn/drill")}");
        await Interactive.WaitAsync(Page);
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("今日练习");
        await Expect(question.GetByTestId("drill-answered-score")).ToContainTextAsync("今天已答");
        await question.GetByTestId("drill-choice").First.CheckAsync();
        if (await question.GetByTestId("drill-receptive").CountAsync() > 0) await question.GetByTestId("drill-receptive").First.CheckAsync();
        await question.GetByTestId("drill-check").ClickAsync();
        await Expect(question.GetByTestId("drill-sheet-link")).ToHaveTextAsync("在策略表中查看");
        await Expect(question.GetByTestId("drill-not-counted")).ToBeVisibleAsync();
        await ShotAsync("drill-zh");
    }

    [Fact]
    public async Task NoDealToAskAbout_SaysSo()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var seller = await Fixture.Server.CreateUserAsync($"drill.none.{tag}@keysell.test", $"Drill Newcomer {tag}", "seller");
        await Fixture.Server.CreateTeamAsync($"Drill team {tag}", seller);

        await SignInAsync(seller.Email, TeamArranger.Password, "/learn/drill");
        await Expect(Page.GetByTestId("drill-unavailable")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("drill-question")).ToHaveCountAsync(0);
        await ShotAsync("no-deals");
    }
}
