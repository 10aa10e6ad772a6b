using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NoCounterpartTests
{
    private readonly NoCounterpart _rule = new();

    [Fact]
    public void Find_PowerfulPeopleCovered_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_HighInfluenceWithoutCounterpart_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("h") with { Influence = InfluenceLevel.High })).People().ShouldBe(["h"]);

    [Fact]
    public void Find_EconomicBuyerWithBlankCounterpart_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Influence = InfluenceLevel.Medium, Counterpart = " " }))
            .People().ShouldBe(["li-wei"]);

    [Fact]
    public void Find_MediumInfluenceWithoutCounterpart_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("m"))).ShouldBeEmpty();
}
