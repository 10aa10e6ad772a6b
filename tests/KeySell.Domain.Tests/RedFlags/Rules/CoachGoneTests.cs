using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class CoachGoneTests
{
    private readonly CoachGone _rule = new();

    [Fact]
    public void Find_ActiveCoach_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Theory]
    [InlineData(PersonStatus.LeftCompany)]
    [InlineData(PersonStatus.Moved)]
    public void Find_CoachNoLongerActive_RaisesFlagForThatPerson(PersonStatus status)
    {
        var flags = _rule.Run(TestSheets.Textbook().WithInfluences(TestSheets.Coach() with { Status = status }, TestSheets.EconomicBuyer()));

        flags.People().ShouldBe(["wang-fang"]);
    }

    [Fact]
    public void Find_NonCoachLeft_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("gone") with { Status = PersonStatus.LeftCompany })).ShouldBeEmpty();

    [Fact]
    public void Find_TwoCoachesGone_RaisesOnePerPersonInOrder() =>
        _rule.Run(TestSheets.Textbook().WithInfluences(
                TestSheets.Coach("c1") with { Status = PersonStatus.Moved }, TestSheets.EconomicBuyer(), TestSheets.Coach("c2") with { Status = PersonStatus.LeftCompany }))
            .People().ShouldBe(["c1", "c2"]);
}
