using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class TechnicalVetoTests
{
    private readonly TechnicalVeto _rule = new();

    [Fact]
    public void Find_SupportiveTechnicalBuyer_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_TechnicalBuyerBelowZero_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("t", BuyingRoles.Technical) with { Support = -1 })).People().ShouldBe(["t"]);

    [Fact]
    public void Find_TechnicalBuyerNeutral_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("t", BuyingRoles.Technical) with { Support = 0 })).ShouldBeEmpty();

    [Fact]
    public void Find_NegativeUserWithoutTechnicalRole_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("u") with { Support = -2 })).ShouldBeEmpty();
}
