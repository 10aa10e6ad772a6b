using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class PoorFitTests
{
    private readonly PoorFit _rule = new();

    [Fact]
    public void Find_ScoreAboveThreshold_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_ScoreAtThreshold_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { IdealCustomerScore = 0m })).ShouldBeEmpty();

    [Fact]
    public void Find_ScoreBelowThreshold_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { IdealCustomerScore = -0.5m })).Count.ShouldBe(1);

    [Fact]
    public void Find_NotRated_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { IdealCustomerScore = null })).ShouldBeEmpty();

    [Fact]
    public void Find_TeamThreshold_UsesIt() =>
        _rule.Run(TestSheets.Textbook(), new AnalysisSettings { FitThreshold = 3m }).Count.ShouldBe(1);
}
