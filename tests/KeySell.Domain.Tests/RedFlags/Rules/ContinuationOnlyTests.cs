using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class ContinuationOnlyTests
{
    private static readonly DateOnly AsOf = TestSheets.AsOf;
    private readonly ContinuationOnly _rule = new();

    private static SheetCall Held(string id, int daysAgo, CallOutcome? outcome) => TestSheets.Call(id, AsOf.AddDays(-daysAgo), CallStatus.Done, outcome);

    private List<KeySell.Domain.RedFlags.RedFlag> Run(params SheetCall[] calls) => _rule.Run(TestSheets.TextbookV2() with { Calls = calls });

    [Fact]
    public void Find_NoCalls_RaisesNothing() => Run().ShouldBeEmpty();

    [Fact]
    public void Find_OneContinuation_IsNotEnough() => Run(Held("c1", 3, CallOutcome.Continuation)).ShouldBeEmpty();

    [Fact]
    public void Find_TwoContinuations_Fires() =>
        Run(Held("c1", 10, CallOutcome.Continuation), Held("c2", 3, CallOutcome.Continuation)).ShouldHaveSingleItem().Influence.ShouldBeNull();

    [Fact]
    public void Find_AdvanceThenTwoContinuations_Fires() =>
        Run(Held("c1", 20, CallOutcome.Advance), Held("c2", 10, CallOutcome.Continuation), Held("c3", 3, CallOutcome.Continuation)).Count.ShouldBe(1);

    [Fact]
    public void Find_LatestIsAnAdvance_RaisesNothing() =>
        Run(Held("c1", 20, CallOutcome.Continuation), Held("c2", 10, CallOutcome.Continuation), Held("c3", 3, CallOutcome.Advance)).ShouldBeEmpty();

    [Fact]
    public void Find_LatestByDateNotByPosition_IsJudged() =>
        // Listed last but held first: the two latest by date are c1 and c2, both continuations.
        Run(Held("c1", 3, CallOutcome.Continuation), Held("c2", 5, CallOutcome.Continuation), Held("c3", 30, CallOutcome.Advance)).Count.ShouldBe(1);

    [Fact]
    public void Find_SameDay_LaterPositionIsLater()
    {
        // c1, c2 and c3 on one day: the latest two are c2 and c3 by position.
        Run(Held("c1", 3, CallOutcome.Advance), Held("c2", 3, CallOutcome.Continuation), Held("c3", 3, CallOutcome.Continuation)).Count.ShouldBe(1);
        Run(Held("c1", 3, CallOutcome.Continuation), Held("c2", 3, CallOutcome.Continuation), Held("c3", 3, CallOutcome.Advance)).ShouldBeEmpty();
    }

    [Fact]
    public void Find_PlannedAndCancelledCalls_DoNotCount() =>
        Run(Held("c1", 10, CallOutcome.Continuation), TestSheets.Call("c2", AsOf.AddDays(-5), CallStatus.Cancelled),
            TestSheets.Call("c3", AsOf.AddDays(-4)), Held("c4", 3, CallOutcome.Continuation)).Count.ShouldBe(1);

    [Fact]
    public void Find_HeldCallWithoutOutcome_BreaksTheRun() =>
        Run(Held("c1", 10, CallOutcome.Continuation), Held("c2", 3, null)).ShouldBeEmpty();

    [Fact]
    public void Find_NoSale_IsNotAContinuation() =>
        Run(Held("c1", 10, CallOutcome.NoSale), Held("c2", 3, CallOutcome.Continuation)).ShouldBeEmpty();

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Calls = [Held("c1", 10, CallOutcome.Continuation), Held("c2", 3, CallOutcome.Continuation)], Version = 1 })
            .ShouldBeEmpty();
}
