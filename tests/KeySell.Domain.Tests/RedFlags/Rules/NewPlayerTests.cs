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

/// <summary>Version 2: people mapped when the deal was set up (within 14 days of createdOn) are not new players.</summary>
public sealed class NewPlayerSetUpTests
{
    private static readonly DateOnly Created = TestSheets.AsOf.AddDays(-20);
    private readonly NewPlayer _rule = new();

    private List<RedFlag> Run(int sinceDaysAfterCreation, int version = 2) =>
        _rule.Run((TestSheets.TextbookV2(TestSheets.Person("n") with { Since = Created.AddDays(sinceDaysAfterCreation) }) with { Version = version })
            .WithOpportunity(o => o with { CreatedOn = Created }));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(14)]
    public void Find_SinceWithinFourteenDaysOfCreation_IsNotNew(int days) => Run(days).ShouldBeEmpty();

    [Fact]
    public void Find_SinceFifteenDaysAfterCreation_IsNew() => Run(15).People().ShouldBe(["n"]);

    [Fact]
    public void Find_SinceTheDayBeforeCreation_IsNew() => Run(-1).People().ShouldBe(["n"]);

    [Fact]
    public void Find_Version1Sheet_HasNoExemption() => Run(3, version: 1).People().ShouldBe(["n"]);

    [Fact]
    public void Find_CreationUnknown_HasNoExemption() =>
        _rule.Run(TestSheets.TextbookV2(TestSheets.Person("n") with { Since = Created.AddDays(3) })
            .WithOpportunity(o => o with { CreatedOn = null })).People().ShouldBe(["n"]);
}
