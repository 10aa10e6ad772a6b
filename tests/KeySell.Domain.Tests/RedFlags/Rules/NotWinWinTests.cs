using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NotWinWinTests
{
    private readonly NotWinWin _rule = new();

    [Fact]
    public void Find_WinWin_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_OutcomeNotRecorded_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { ExpectedOutcome = null })).ShouldBeEmpty();

    [Theory]
    [InlineData(ExpectedOutcome.WinLose)]
    [InlineData(ExpectedOutcome.LoseWin)]
    [InlineData(ExpectedOutcome.LoseLose)]
    public void Find_AnyOtherOutcome_RaisesFlag(ExpectedOutcome outcome) =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { ExpectedOutcome = outcome })).Count.ShouldBe(1);
}
