using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NoEconomicBuyerTests
{
    private readonly NoEconomicBuyer _rule = new();

    [Fact]
    public void Find_EconomicBuyerKnown_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_NoEconomicRole_RaisesOneSheetFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.Person("a"))).People().ShouldBe([null]);

    [Fact]
    public void Find_EconomicBuyerMovedAway_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Status = PersonStatus.Moved })).Count.ShouldBe(1);
}
