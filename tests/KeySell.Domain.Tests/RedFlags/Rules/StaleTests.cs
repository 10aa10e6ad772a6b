using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class StaleTests
{
    private readonly Stale _rule = new();

    [Fact]
    public void Find_RecentContact_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_LastContactExactlyThirtyDaysAgo_IsNotStale() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Person("a") with { LastContact = TestSheets.AsOf.AddDays(-30) })).ShouldBeEmpty();

    [Fact]
    public void Find_LastContactThirtyOneDaysAgo_IsStale() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Person("a") with { LastContact = TestSheets.AsOf.AddDays(-31) })).People().ShouldBe([null]);

    [Fact]
    public void Find_OnlyRecentContactHasLeft_IsStale() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(
            TestSheets.Coach() with { Status = PersonStatus.LeftCompany }, TestSheets.Person("a") with { LastContact = null })).Count.ShouldBe(1);

    [Fact]
    public void Find_ConfiguredThreshold_UsesIt() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Person("a") with { LastContact = TestSheets.AsOf.AddDays(-8) }), new AnalysisSettings { StaleDays = 7 }).Count.ShouldBe(1);
}
