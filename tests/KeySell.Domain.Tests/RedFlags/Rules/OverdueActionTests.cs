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

public sealed class OverdueActionTests
{
    private static readonly DateOnly AsOf = TestSheets.AsOf;
    private readonly OverdueAction _rule = new();

    [Fact]
    public void Find_DueNextWeek_RaisesNothing() => _rule.Run(TestSheets.TextbookV2()).ShouldBeEmpty();

    [Fact]
    public void Find_DueOnAsOf_IsNotOverdue() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", AsOf)] }).ShouldBeEmpty();

    [Fact]
    public void Find_DueTheDayBeforeAsOf_IsOverdue()
    {
        var action = TestSheets.Action("a1", AsOf.AddDays(-1));

        var flag = _rule.Run(TestSheets.TextbookV2() with { Actions = [action] }).ShouldHaveSingleItem();

        flag.Action.ShouldBe(action);
        flag.Influence.ShouldBeNull();
    }

    [Fact]
    public void Find_NoDueDay_IsNeverOverdue() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", due: null)] }).ShouldBeEmpty();

    [Theory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Dropped)]
    public void Find_ClosedActionPastDue_IsNotOverdue(ActionStatus status) =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", AsOf.AddDays(-30), status)] }).ShouldBeEmpty();

    [Fact]
    public void Find_SeveralOverdue_OneFlagEachInInputOrderWithTheirInfluence()
    {
        var sheet = TestSheets.TextbookV2() with
        {
            Actions =
            [
                TestSheets.Action("a3", AsOf.AddDays(-2), influence: "li-wei"), TestSheets.Action("a1", AsOf.AddDays(2)),
                TestSheets.Action("a2", AsOf.AddDays(-9), influence: "wang-fang"), TestSheets.Action("a4", AsOf.AddDays(-1)),
            ],
        };

        var flags = _rule.Run(sheet);

        flags.Select(f => f.Action!.Id).ShouldBe(["a3", "a2", "a4"]);
        flags.People().ShouldBe(["li-wei", "wang-fang", null]);
        flags[0].Influence.ShouldBeSameAs(sheet.Influences[1]);
    }

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Actions = [TestSheets.Action("a1", AsOf.AddDays(-1))], Version = 1 }).ShouldBeEmpty();
}
