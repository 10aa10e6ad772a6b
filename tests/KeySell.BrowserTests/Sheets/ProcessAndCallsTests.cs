using KeySell.Application.Data;
using KeySell.BrowserTests.Infrastructure;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeySell.BrowserTests.Sheets;

/// <summary>The Process and Calls panels of the sheet: ticking milestones moves the next one, and holding calls that only continue raises continuation-only.</summary>
public sealed class ProcessAndCallsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Process => Page.GetByTestId("process-panel");
    private ILocator Calls => Page.GetByTestId("calls-panel");

    private ILocator Milestone(string id) => Process.Locator($"[data-testid=milestone][data-milestone='{id}']");

    private ILocator Call(string id) => Calls.Locator($"[data-testid=call][data-call='{id}']");

    private async Task TickAsync(string milestone)
    {
        await Milestone(milestone).Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        await Expect(Milestone(milestone)).ToHaveAttributeAsync("data-done", "true");
        await new StrategySheet(Page).WaitSavedAsync();
    }

    [Fact]
    public async Task Process_TickMilestones_NextMovesAndTheStepFollows()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Process Steel Works", "Process: inspection line",
            new DealArranger.Influence("Chen Jing", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth));
        await SignInAsync($"/opportunities/{opportunity}");
        await new StrategySheet(Page).WaitLoadedAsync();
        await Expect(Process).ToHaveAttributeAsync("data-next", "confirm-opportunity");
        await Expect(Milestone("confirm-opportunity")).ToHaveAttributeAsync("data-next", "true");
        await Expect(Process.Locator("[data-testid=process-step][data-step=analyze-situation]")).ToHaveAttributeAsync("data-state", "current");

        await TickAsync("confirm-opportunity");
        await Expect(Process).ToHaveAttributeAsync("data-next", "pre-call-research");
        await Expect(Milestone("pre-call-research")).ToHaveAttributeAsync("data-next", "true");
        await Expect(Milestone("confirm-opportunity")).ToHaveAttributeAsync("data-next", "false");
        var evidence = Milestone("confirm-opportunity").GetByTestId("milestone-evidence");
        await evidence.FillAsync("Budget line seen in the 2027 plan");
        await evidence.PressAsync("Tab");
        await new StrategySheet(Page).WaitSavedAsync();
        foreach (var milestone in new[] { "pre-call-research", "discover-pain", "needs-analysis" }) await TickAsync(milestone);

        // The four milestones of analysing the situation are reached: the deal now sets its objective.
        await Expect(Process).ToHaveAttributeAsync("data-next", "evaluate-plan");
        await Expect(Process).ToHaveAttributeAsync("data-step", "set-objective");
        await Expect(Process.Locator("[data-testid=process-step][data-step=analyze-situation]")).ToHaveAttributeAsync("data-state", "behind");
        await Expect(Process.Locator("[data-testid=process-step][data-step=set-objective]")).ToHaveAttributeAsync("data-state", "current");
        await ShotAsync("process-ticked");

        await Interactive.ReloadAsync(Page);
        await Expect(Process).ToHaveAttributeAsync("data-next", "evaluate-plan");
        await Expect(Milestone("confirm-opportunity").GetByTestId("milestone-evidence")).ToHaveValueAsync("Budget line seen in the 2027 plan");
    }

    /// <summary>Plans a call with Chen Jing from the panel, holds it with the given outcome, and waits for both saves.</summary>
    private async Task PlanAndHoldAsync(string id, string outcome, bool withQuestions)
    {
        var sheet = new StrategySheet(Page);
        await Calls.GetByTestId("call-new").ClickAsync();
        var call = Call(id);
        await Expect(call.GetByTestId("call-editor")).ToBeVisibleAsync();
        await sheet.WaitSavedAsync();
        // MudCheckBox puts the test id on its root or on the input, by version: either way, the box of Chen Jing (p1).
        await call.Locator("[data-testid=call-with-option][data-key=p1] input[type=checkbox], input[type=checkbox][data-testid=call-with-option][data-key=p1]")
            .CheckAsync(new() { Force = true });
        await sheet.WaitSavedAsync();
        if (withQuestions)
        {
            var commitment = call.GetByTestId("call-commitment");
            await commitment.FillAsync("Chen Jing agrees to a pilot in one plant");
            await commitment.PressAsync("Tab");
            await sheet.WaitSavedAsync();
            // Chen Jing is the economic buyer: the bank offers the economic buyer's questions.
            var suggestion = call.Locator("[data-testid=call-suggestion][data-type=need-payoff][data-for=economic]").First;
            var suggested = await suggestion.InnerTextAsync();
            await suggestion.ClickAsync();
            await Expect(call.Locator("[data-testid=call-question][data-type=need-payoff]")).ToHaveValueAsync(suggested.TrimStart('+', ' '));
            await sheet.WaitSavedAsync();
            var own = call.GetByTestId("call-question-new-implication");
            await own.FillAsync("What does a late close cost the group?");
            await own.PressAsync("Enter");
            await Expect(call.Locator("[data-testid=call-question][data-type=implication]")).ToHaveValueAsync("What does a late close cost the group?");
            await sheet.WaitSavedAsync();
        }
        await call.GetByTestId("call-hold").ClickAsync();
        await Expect(call).ToHaveAttributeAsync("data-status", "done");
        await sheet.WaitSavedAsync();
        await call.GetByTestId($"call-outcome-{outcome}").ClickAsync();
        await Expect(call).ToHaveAttributeAsync("data-outcome", outcome);
        await sheet.WaitSavedAsync();
    }

    [Fact]
    public async Task Calls_HoldTwoContinuations_ContinuationOnlyAppearsAndLastContactMoves()
    {
        var opportunity = await Fixture.Server.CreateDealAsync("Calls Steel Works", "Calls: inspection line",
            new DealArranger.Influence("Chen Jing", "Chief Financial Officer", BuyingRoles.Economic, InfluenceLevel.High, 2, ResponseMode.Growth));
        await SignInAsync($"/opportunities/{opportunity}");
        await new StrategySheet(Page).WaitLoadedAsync();
        await Expect(Calls.GetByTestId("calls-none")).ToBeVisibleAsync();
        var continuationOnly = Page.Locator("[data-testid=red-flag][data-flag=continuation-only]");

        await PlanAndHoldAsync("c1", "continuation", withQuestions: true);
        await Expect(continuationOnly).ToHaveCountAsync(0);
        await ShotAsync("one-continuation");

        await PlanAndHoldAsync("c2", "continuation", withQuestions: false);
        await Expect(continuationOnly).ToHaveCountAsync(1);
        await ShotAsync("two-continuations");

        // Holding the calls moved Chen Jing's last contact to their day (today).
        await using (var scope = Fixture.Server.Services.CreateOperatorScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var influence = await db.BuyingInfluences.SingleAsync(i => i.OpportunityId == opportunity, TestContext.Current.CancellationToken);
            influence.LastContact.ShouldBe(DateOnly.FromDateTime(DateTime.Now));
        }

        // An advance on the latest call ends the drift.
        await Call("c2").GetByTestId("call-outcome-advance").ClickAsync();
        await Expect(Call("c2")).ToHaveAttributeAsync("data-outcome", "advance");
        await Expect(continuationOnly).ToHaveCountAsync(0);

        await Interactive.GotoAsync(Page, $"/opportunities/{opportunity}/calls/c1/print");
        await Expect(Page.GetByTestId("call-print-commitment")).ToHaveTextAsync("Chen Jing agrees to a pilot in one plant");
        await Expect(Page.Locator("[data-testid=call-print-questions][data-type=implication] li")).ToHaveTextAsync(["What does a late close cost the group?"]);
        await Expect(Page.GetByTestId("call-print-with")).ToContainTextAsync("Chen Jing");
        await ShotAsync("call-print");
    }
}
