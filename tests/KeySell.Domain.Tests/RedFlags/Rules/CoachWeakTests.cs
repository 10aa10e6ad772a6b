using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class CoachWeakTests
{
    private readonly CoachWeak _rule = new();

    [Fact]
    public void Find_SeniorCoachWithSupportThree_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Support = 3 }, TestSheets.EconomicBuyer())).ShouldBeEmpty();

    [Fact]
    public void Find_CoachSupportBelowThree_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Support = 2 }, TestSheets.EconomicBuyer())).People().ShouldBe(["wang-fang"]);

    [Fact]
    public void Find_CoachWithLowInfluence_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Influence = InfluenceLevel.Low }, TestSheets.EconomicBuyer())).Count.ShouldBe(1);

    [Fact]
    public void Find_CoachLowAndUnsupportive_RaisesOnlyOnceForThePerson() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Influence = InfluenceLevel.Low, Support = -1 }, TestSheets.EconomicBuyer())).Count.ShouldBe(1);

    [Fact]
    public void Find_CoachSupportUnknown_IsNotWeakOnSupport() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Support = null }, TestSheets.EconomicBuyer())).ShouldBeEmpty();

    [Fact]
    public void Find_InactiveWeakCoach_IsIgnored() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Support = 0, Status = PersonStatus.Moved }, TestSheets.EconomicBuyer())).ShouldBeEmpty();
}
