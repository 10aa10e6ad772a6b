using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NoUserTests
{
    private readonly NoUser _rule = new();

    [Fact]
    public void Find_UserKnown_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_NoUserRole_RaisesOneSheetFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Roles = BuyingRoles.Coach }, TestSheets.EconomicBuyer())).People().ShouldBe([null]);

    [Fact]
    public void Find_EmptySheet_RaisesFlag() => _rule.Run(TestSheets.Textbook().WithInfluences()).Count.ShouldBe(1);
}
