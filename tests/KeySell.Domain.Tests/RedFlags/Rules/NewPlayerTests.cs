using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NewPlayerTests
{
    private readonly NewPlayer _rule = new();

    [Fact]
    public void Find_LongStandingInfluences_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_SinceExactlyThirtyDaysAgo_IsNew() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("n") with { Since = TestSheets.AsOf.AddDays(-30) })).People().ShouldBe(["n"]);

    [Fact]
    public void Find_SinceThirtyOneDaysAgo_IsNotNew() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("n") with { Since = TestSheets.AsOf.AddDays(-31) })).ShouldBeEmpty();

    [Fact]
    public void Find_SinceUnknown_IsNotNew() => _rule.Run(TestSheets.Textbook(TestSheets.Person("n") with { Since = null })).ShouldBeEmpty();

    [Fact]
    public void Find_CustomWindow_UsesTheSetting() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("n") with { Since = TestSheets.AsOf.AddDays(-45) }), new AnalysisSettings { NewPlayerDays = 60 }).Count.ShouldBe(1);
}
