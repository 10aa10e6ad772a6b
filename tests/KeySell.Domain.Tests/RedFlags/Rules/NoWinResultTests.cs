using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NoWinResultTests
{
    private readonly NoWinResult _rule = new();

    [Fact]
    public void Find_EveryoneHasAWin_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_ResultsButNoWin_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Wins = [], Results = ["faster close"] })).People().ShouldBe(["a"]);
}
