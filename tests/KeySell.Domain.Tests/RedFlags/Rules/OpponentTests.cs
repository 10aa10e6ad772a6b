using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class OpponentTests
{
    private readonly Opponent _rule = new();

    [Theory]
    [InlineData(-4)]
    [InlineData(-5)]
    public void Find_SupportMinusFourOrFive_RaisesFlag(int support) =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Support = support })).People().ShouldBe(["a"]);

    [Theory]
    [InlineData(-3)]
    [InlineData(null)]
    public void Find_SkepticOrUnknown_IsNoOpponent(int? support) =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Support = support })).ShouldBeEmpty();

    [Fact]
    public void Find_InactiveOpponent_IsIgnored() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Support = -5, Status = PersonStatus.LeftCompany })).ShouldBeEmpty();
}
