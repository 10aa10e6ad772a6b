using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class MissingInformationTests
{
    private readonly MissingInformation _rule = new();

    [Fact]
    public void Find_EverythingKnown_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_SeveralUnknowns_RaisesOneFlagNamingEachGap()
    {
        var vague = TestSheets.Person("a") with { Roles = BuyingRoles.None, Support = null, Mode = ResponseMode.Unknown };

        var flag = _rule.Run(TestSheets.Textbook(vague)).ShouldHaveSingleItem();

        flag.Influence!.Id.ShouldBe("a");
        flag.Missing.ShouldBe(MissingDimensions.Roles | MissingDimensions.Support | MissingDimensions.Mode);
    }

    [Theory]
    [InlineData(MissingDimensions.Influence)]
    [InlineData(MissingDimensions.Contact)]
    public void Find_OneUnknown_NamesIt(MissingDimensions missing)
    {
        var person = missing == MissingDimensions.Influence
            ? TestSheets.Person("a") with { Influence = InfluenceLevel.Unknown }
            : TestSheets.Person("a") with { Contact = ContactLevel.Unknown };

        _rule.Run(TestSheets.Textbook(person)).ShouldHaveSingleItem().Missing.ShouldBe(missing);
    }

    [Fact]
    public void Find_InactivePersonWithGaps_IsIgnored() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Support = null, Status = PersonStatus.Moved })).ShouldBeEmpty();
}
