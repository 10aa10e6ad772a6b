using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class UnreceptiveEconomicBuyerTests
{
    private readonly UnreceptiveEconomicBuyer _rule = new();

    [Fact]
    public void Find_EconomicBuyerInGrowth_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Theory]
    [InlineData(ResponseMode.EvenKeel)]
    [InlineData(ResponseMode.Overconfident)]
    public void Find_EconomicBuyerUnreceptive_RaisesFlag(ResponseMode mode) =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Mode = mode })).People().ShouldBe(["li-wei"]);

    [Fact]
    public void Find_EconomicBuyerModeUnknown_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Mode = ResponseMode.Unknown })).ShouldBeEmpty();

    [Fact]
    public void Find_UserInEvenKeel_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("u") with { Mode = ResponseMode.EvenKeel })).ShouldBeEmpty();
}
