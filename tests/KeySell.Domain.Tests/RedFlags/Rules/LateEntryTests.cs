using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class LateEntryTests
{
    private readonly LateEntry _rule = new();

    [Theory]
    [InlineData(Engagement.BeforeProject)]
    [InlineData(Engagement.AfterProject)]
    public void Find_EarlierEngagement_RaisesNothing(Engagement engagement) =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Engagement = engagement })).ShouldBeEmpty();

    [Fact]
    public void Find_AfterTender_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Engagement = Engagement.AfterTender })).Count.ShouldBe(1);

    [Fact]
    public void Find_EngagementUnknown_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Engagement = null })).ShouldBeEmpty();
}
