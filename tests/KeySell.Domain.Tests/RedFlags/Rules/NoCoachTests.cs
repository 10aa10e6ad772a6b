using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NoCoachTests
{
    private readonly NoCoach _rule = new();

    [Fact]
    public void Find_ActiveCoach_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_NoCoachRole_RaisesOneSheetFlag()
    {
        var flags = _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.EconomicBuyer(), TestSheets.Person("a"), TestSheets.Person("b")));

        flags.People().ShouldBe([null]);
    }

    [Fact]
    public void Find_OnlyCoachHasLeft_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Status = PersonStatus.LeftCompany }, TestSheets.EconomicBuyer())).Count.ShouldBe(1);
}
