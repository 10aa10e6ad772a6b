using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.Learning;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Learning;

/// <summary>
/// The Learn hub and the self-checks 1-1, 3-1 and 4-1 as a seller takes them (issue 12): 4-1 by HTML5 drag and drop in
/// Chromium and by the keyboard's "Move to…" menu, each graded at once with every item marked right or wrong.
/// </summary>
public sealed class SelfCheckPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Chip(char letter) => Page.Locator($"[data-testid=check41-chip][data-letter={letter}]");

    private ILocator Zone(string role) => Page.Locator($"[data-testid=check41-zone][data-role={role}]");

    /// <summary>The graded view passes axe as the page's first view does (AxeCheckTests): the right and wrong marks too.</summary>
    private async Task NoSeriousAxeViolationAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var failing = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} [{v.Impact}]: {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}").ToList();
        failing.ShouldBeEmpty();
    }

    [Fact]
    public async Task WinCriteria_DragAllFourteenWithTwoMistakes_Scores86PercentAndMarksEachCriterion()
    {
        await SignInAsync("/learn/self-checks/4-1");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("4-1 Sort the win criteria");
        await Expect(Zone("pool").GetByTestId("check41-chip")).ToHaveCountAsync(14);
        await Expect(Page.GetByTestId("learn-check")).ToBeDisabledAsync();
        await ShotAsync("to-sort");

        // Table 4-1 with two mistakes: K (low cost) to the coach and A (recognition) to the economic buyer. I
        // (reliability) goes to the technical buyer, which is right: it stands in the user's column too.
        var placement = new (char Letter, string Role)[]
        {
            ('K', "coach"), ('B', "coach"), ('C', "coach"),
            ('D', "user"), ('E', "user"), ('F', "user"), ('G', "user"),
            ('H', "technical"), ('I', "technical"), ('J', "technical"),
            ('A', "economic"), ('L', "economic"), ('M', "economic"), ('N', "economic"),
        };
        foreach (var (letter, role) in placement)
            await DragAndDrop.DragUntilAsync(Chip(letter), Zone(role), Zone(role).Locator($"[data-letter={letter}]"));

        await Expect(Zone("pool").GetByTestId("check41-chip")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("check41-placed")).ToHaveAttributeAsync("data-value", "14");
        await Expect(Zone("coach").GetByTestId("check41-chip")).ToHaveCountAsync(3);
        await Expect(Zone("economic").GetByTestId("check41-chip")).ToHaveCountAsync(4);
        await ShotAsync("sorted");

        await Page.GetByTestId("learn-check").ClickAsync();
        await Expect(Page.GetByTestId("learn-score")).ToHaveTextAsync("86%");
        await Expect(Page.GetByTestId("learn-right-count")).ToHaveTextAsync("12 of 14 right");
        await Expect(Page.GetByTestId("learn-result")).ToHaveAttributeAsync("data-score", "0.8571");
        await Expect(Chip('K')).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Chip('A')).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Chip('I')).ToHaveAttributeAsync("data-result", "right");
        await Expect(Page.Locator("[data-testid=check41-chip][data-result=right]")).ToHaveCountAsync(12);
        // Never colour alone: the verdict is written on the chip, with where a wrong one belongs.
        await Expect(Chip('K').GetByTestId("check41-verdict")).ToContainTextAsync("Wrong");
        await Expect(Chip('K').GetByTestId("check41-belongs")).ToContainTextAsync("Economic buyer");
        await Expect(Chip('A').GetByTestId("check41-belongs")).ToContainTextAsync("Coach");
        await Expect(Chip('I').GetByTestId("check41-verdict")).ToContainTextAsync("Right");
        var explanation = Page.GetByTestId("learn-explanation");
        await Expect(explanation).ToContainTextAsync("12 of 14 criteria in a right column.");
        await Expect(explanation).ToContainTextAsync("K low cost belongs with the economic buyer.");
        await Expect(explanation).ToContainTextAsync("A recognition belongs with the coach.");
        await Expect(explanation).ToContainTextAsync("Reliability (I)");
        // The result is announced: its heading takes the focus.
        await Expect(Page.GetByTestId("learn-result-heading")).ToBeFocusedAsync();
        await ShotAsync("graded");
        await NoSeriousAxeViolationAsync();

        await Page.GetByTestId("learn-try-again").ClickAsync();
        await Expect(Zone("pool").GetByTestId("check41-chip")).ToHaveCountAsync(14);
        await Expect(Page.GetByTestId("learn-result")).ToHaveCountAsync(0);
        await Expect(Page.Locator("[data-testid=check41-chip][data-result=wrong]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WinCriteria_InChinese_ByTheMoveMenu_UnplacedCountWrongAndTheExplanationIsChinese()
    {
        await SignInAsync($"/culture/zh-CN?returnUrl={Uri.EscapeDataString("/learn/self-checks/4-1")}");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("4-1 赢的标准归类");
        await Expect(Page.GetByTestId("nav-learn")).ToHaveTextAsync("学习");
        await Expect(Zone("pool").GetByTestId("check41-chip")).ToHaveCountAsync(14);
        await Expect(Chip('K')).ToContainTextAsync("低成本");

        // The keyboard's way: each criterion's "Move to…" menu (K to the coach is wrong, L to the economic buyer right).
        await MoveAsync('K', "coach");
        await MoveAsync('L', "economic");
        await Expect(Page.GetByTestId("check-hint")).ToHaveTextAsync("还有 12 条未放：将记为错误。");
        await ShotAsync("moved-by-menu");

        await Page.GetByTestId("learn-check").ClickAsync();
        await Expect(Page.GetByTestId("learn-score")).ToHaveTextAsync("7%");
        await Expect(Chip('L')).ToHaveAttributeAsync("data-result", "right");
        await Expect(Chip('K')).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Chip('A')).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Chip('K').GetByTestId("check41-verdict")).ToContainTextAsync("错误");
        var explanation = Page.GetByTestId("learn-explanation");
        await Expect(explanation).ToContainTextAsync("十四条标准中归对 1 条。");
        await Expect(explanation).ToContainTextAsync("K 低成本 属于决策者。");
        await Expect(explanation).ToContainTextAsync("A 认可 没有放。");
        await ShotAsync("graded-chinese");
    }

    [Fact]
    public async Task WinCriteria_ByKeyboardOnly_MovesACriterionAndChecks()
    {
        await SignInAsync("/learn/self-checks/4-1");
        await Expect(Zone("pool").GetByTestId("check41-chip")).ToHaveCountAsync(14);
        var menu = Chip('J').GetByRole(AriaRole.Button, new() { Name = "Move J safety to…" });
        await menu.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        var item = Page.Locator("[data-testid=check41-move-to][data-zone=technical]:visible");
        await Expect(item).ToBeVisibleAsync();
        // The menu answers the arrows once it has opened: give the focus a moment to arrive before each press (on a
        // loaded machine five quick presses could all land before the menu listened).
        for (var i = 0; ; i++)
        {
            try
            {
                await Expect(item).ToBeFocusedAsync(new() { Timeout = 1_500 });
                break;
            }
            catch (PlaywrightException) when (i < 10)
            {
                await Page.Keyboard.PressAsync("ArrowDown");
            }
        }
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Zone("technical").Locator("[data-letter=J]")).ToBeVisibleAsync();

        await Page.GetByTestId("learn-check").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Chip('J')).ToHaveAttributeAsync("data-result", "right");
        await Expect(Page.GetByTestId("learn-right-count")).ToHaveTextAsync("1 of 14 right");
    }

    private async Task MoveAsync(char letter, string role)
    {
        await Chip(letter).GetByRole(AriaRole.Button).ClickAsync();
        await Page.Locator($"[data-testid=check41-move-to][data-zone={role}]:visible").ClickAsync();
        await Expect(Zone(role).Locator($"[data-letter={letter}]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task BoardingPoint_WrongThenRight_MarksTheRightAnswerAndExplains()
    {
        await SignInAsync("/learn/self-checks/1-1");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("1-1 Where the best seller boards");
        await Expect(Page.GetByTestId("check11-row")).ToHaveCountAsync(3);

        await Page.Locator("[data-testid=check11-choice][data-choice=after-tender]").ClickAsync();
        await Page.GetByTestId("learn-check").ClickAsync();
        await Expect(Page.GetByTestId("learn-score")).ToHaveTextAsync("0%");
        await Expect(Page.Locator("[data-testid=check11-row][data-choice=after-tender]")).ToHaveAttributeAsync("data-result", "wrong");
        await Expect(Page.Locator("[data-testid=check11-row][data-choice=after-tender]").GetByTestId("check11-mark")).ToHaveTextAsync("Wrong");
        await Expect(Page.Locator("[data-testid=check11-row][data-choice=before-project]")).ToHaveAttributeAsync("data-right", "true");
        await Expect(Page.Locator("[data-testid=check11-row][data-choice=before-project]").GetByTestId("check11-right-answer")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("check11-right")).ToHaveTextAsync("Before the customer sets up the project");
        await Expect(Page.GetByTestId("learn-explanation")).ToContainTextAsync("Not quite. The best seller boards before the customer sets up the project.");
        await ShotAsync("wrong");
        await NoSeriousAxeViolationAsync();

        await Page.GetByTestId("learn-try-again").ClickAsync();
        await Expect(Page.GetByTestId("learn-result")).ToHaveCountAsync(0);
        await Page.Locator("[data-testid=check11-choice][data-choice=before-project]").ClickAsync();
        await Page.GetByTestId("learn-check").ClickAsync();
        await Expect(Page.GetByTestId("learn-score")).ToHaveTextAsync("100%");
        await Expect(Page.Locator("[data-testid=check11-row][data-choice=before-project]")).ToHaveAttributeAsync("data-result", "right");
        await Expect(Page.GetByTestId("learn-explanation")).ToContainTextAsync("Right. The best seller boards before the customer sets up the project");
        await ShotAsync("right");
    }

    [Fact]
    public async Task NeedsTree_NextTreeAnsweredYesThrice_EachQuestionMarkedAsTheEngineJudgesIt()
    {
        await SignInAsync("/learn/self-checks/3-1");
        await Expect(Page.GetByTestId("check31-tree")).ToHaveAttributeAsync("data-tree", "steel-coils");
        await Page.GetByTestId("check31-next").ClickAsync();
        var tree = Page.GetByTestId("check31-tree");
        await Expect(tree).ToHaveAttributeAsync("data-tree", "hospital-billing");
        await Expect(Page.GetByTestId("check31-tree-title")).ToHaveTextAsync("A hospital's billing");
        await Expect(tree.Locator("[data-testid=check31-node][data-depth='0']").First).ToBeVisibleAsync();
        await ShotAsync("tree");

        foreach (var question in new[] { "rooted", "decomposed", "landed" })
        {
            var row = Page.Locator($"[data-testid=check31-question][data-question={question}]");
            await row.GetByTestId("check31-yes").ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-answer", "yes");
        }
        await Page.GetByTestId("learn-check").ClickAsync();

        // What the tree truly is, by the same engine the sheet's needs panel uses.
        var checks = NeedsTreeBank.Find("hospital-billing")!.Checks;
        var truth = new Dictionary<string, bool> { ["rooted"] = checks.Rooted, ["decomposed"] = checks.Decomposed, ["landed"] = checks.Landed };
        foreach (var (question, yes) in truth)
            await Expect(Page.Locator($"[data-testid=check31-question][data-question={question}]")).ToHaveAttributeAsync("data-result", yes ? "right" : "wrong");
        var right = truth.Count(t => t.Value);
        await Expect(Page.GetByTestId("learn-right-count")).ToHaveTextAsync($"{right} of 3 right");
        await Expect(Page.GetByTestId("learn-explanation")).ToContainTextAsync(
            checks.Rooted ? "The tree starts from the customer's current state." : "The tree does not start from the customer's current state");
        await Expect(Page.Locator("[data-testid=check31-question][data-question=landed]").GetByTestId("check31-said")).ToHaveTextAsync("Your answer: Yes");
        await ShotAsync("graded");
        await NoSeriousAxeViolationAsync();
    }

    [Fact]
    public async Task Hub_FromTheMenu_ShowsTheChecksAndCountsANewAttempt()
    {
        await SignInAsync("/");
        await Page.GetByTestId("nav-learn").ClickAsync();
        await Expect(Page.GetByTestId("learn-hub")).ToBeVisibleAsync();
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Learn the method");
        await Expect(Page.GetByTestId("learn-check-card")).ToHaveCountAsync(4);
        await Expect(Page.GetByTestId("learn-drill-card")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("learn-progress-link")).ToHaveAttributeAsync("href", "/learn/progress");
        await Expect(Page.GetByTestId("learn-team-link")).ToHaveAttributeAsync("href", "/learn/team");
        var card = Page.Locator("[data-testid=learn-check-card][data-check='1-1']");
        var before = int.Parse(await card.GetAttributeAsync("data-attempts") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await ShotAsync("hub");

        await card.GetByTestId("learn-check-open").ClickAsync();
        await Expect(Page.GetByTestId("check11")).ToBeVisibleAsync();
        await Interactive.WaitAsync(Page);
        await Page.Locator("[data-testid=check11-choice][data-choice=after-project]").ClickAsync();
        await Page.GetByTestId("learn-check").ClickAsync();
        await Expect(Page.GetByTestId("learn-score")).ToHaveTextAsync("0%");

        await Page.GetByTestId("learn-back").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-attempts", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(card.GetByTestId("learn-check-last")).ToHaveTextAsync("0%");
        await ShotAsync("hub-after");
    }

    [Fact]
    public async Task Hub_ForASeller_HasNoTeamProgress()
    {
        var seller = await Fixture.Server.CreateUserAsync("learn.hub.seller@keysell.test", "Gao Yan", "seller");
        await Fixture.Server.CreateTeamAsync("Learn hub team", seller);

        await SignInAsync(seller.Email, TeamArranger.Password, "/learn");
        await Expect(Page.GetByTestId("learn-check-card")).ToHaveCountAsync(4);
        await Expect(Page.GetByTestId("learn-progress-link")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("learn-team-link")).ToHaveCountAsync(0);
    }
}
