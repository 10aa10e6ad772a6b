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

public sealed class NoNextStepTests
{
    private static readonly DateOnly AsOf = TestSheets.AsOf;
    private readonly NoNextStep _rule = new();

    [Fact]
    public void Find_OpenActionAndNoCall_RaisesNothing() => _rule.Run(TestSheets.TextbookV2()).ShouldBeEmpty();

    [Fact]
    public void Find_NoActionNoCall_Fires() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [] }).ShouldHaveSingleItem().Influence.ShouldBeNull();

    [Fact]
    public void Find_OpenActionWithoutDueDay_IsANextStep() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", due: null)] }).ShouldBeEmpty();

    [Fact]
    public void Find_OverdueOpenAction_IsStillANextStep() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", due: AsOf.AddDays(-10))] }).ShouldBeEmpty();

    [Theory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Dropped)]
    public void Find_OnlyClosedActions_Fires(ActionStatus status) =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", AsOf.AddDays(3), status)] }).Count.ShouldBe(1);

    [Fact]
    public void Find_PlannedCallOnAsOf_IsANextStep() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [], Calls = [TestSheets.Call("c1", AsOf)] }).ShouldBeEmpty();

    [Fact]
    public void Find_PlannedCallTheDayBeforeAsOf_IsNoNextStep() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [], Calls = [TestSheets.Call("c1", AsOf.AddDays(-1))] }).Count.ShouldBe(1);

    [Theory]
    [InlineData(CallStatus.Done)]
    [InlineData(CallStatus.Cancelled)]
    public void Find_FutureCallNotPlanned_IsNoNextStep(CallStatus status) =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [], Calls = [TestSheets.Call("c1", AsOf.AddDays(5), status, status == CallStatus.Done ? CallOutcome.Advance : null)] })
            .Count.ShouldBe(1);

    [Theory]
    [InlineData(FunnelLevel.Universe, 1)]
    [InlineData(FunnelLevel.Above, 1)]
    [InlineData(FunnelLevel.In, 1)]
    [InlineData(FunnelLevel.BestFew, 1)]
    [InlineData(FunnelLevel.Won, 0)]
    [InlineData(FunnelLevel.Lost, 0)]
    public void Find_NoNextStep_FiresOnlyOnOpenOpportunities(FunnelLevel level, int flags) =>
        _rule.Run((TestSheets.TextbookV2() with { Actions = [] }).WithOpportunity(o => o with { FunnelLevel = level })).Count.ShouldBe(flags);

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [], Version = 1 }).ShouldBeEmpty();
}
