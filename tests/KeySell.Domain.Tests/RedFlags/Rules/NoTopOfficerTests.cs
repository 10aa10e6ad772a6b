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

public sealed class NoTopOfficerTests
{
    private readonly NoTopOfficer _rule = new();

    private static StrategySheet WithoutTopOfficer(FunnelLevel level = FunnelLevel.BestFew) =>
        TestSheets.TextbookV2().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Seniority = Seniority.Executive })
            .WithOpportunity(o => o with { FunnelLevel = level });

    [Fact]
    public void Find_TopOfficerOnTheSheet_RaisesNothing() => _rule.Run(TestSheets.TextbookV2()).ShouldBeEmpty();

    [Theory]
    [InlineData(FunnelLevel.In, 1)]
    [InlineData(FunnelLevel.BestFew, 1)]
    [InlineData(FunnelLevel.Universe, 0)]
    [InlineData(FunnelLevel.Above, 0)]
    [InlineData(FunnelLevel.Won, 0)]
    [InlineData(FunnelLevel.Lost, 0)]
    public void Find_NoTopOfficer_FiresOnlyInOrBestFew(FunnelLevel level, int flags) => _rule.Run(WithoutTopOfficer(level)).Count.ShouldBe(flags);

    [Fact]
    public void Find_AmountUnknown_RaisesNothing() =>
        _rule.Run(WithoutTopOfficer().WithOpportunity(o => o with { Objective = o.Objective with { Amount = null } })).ShouldBeEmpty();

    [Fact]
    public void Find_AmountZero_IsKnown() =>
        _rule.Run(WithoutTopOfficer().WithOpportunity(o => o with { Objective = o.Objective with { Amount = 0m } })).Count.ShouldBe(1);

    [Fact]
    public void Find_TopOfficerWhoLeft_DoesNotCount() =>
        _rule.Run(TestSheets.TextbookV2().WithInfluences(TestSheets.Coach(),
            TestSheets.EconomicBuyer() with { Seniority = Seniority.TopOfficer, Status = PersonStatus.LeftCompany })).ShouldHaveSingleItem().Influence.ShouldBeNull();

    [Fact]
    public void Find_Version1Sheet_NeverFires() => _rule.Run(WithoutTopOfficer() with { Version = 1 }).ShouldBeEmpty();
}
