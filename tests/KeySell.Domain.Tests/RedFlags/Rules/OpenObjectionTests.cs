using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class OpenObjectionTests
{
    private readonly OpenObjection _rule = new();

    [Fact]
    public void Find_ResolvedObjection_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Theory]
    [InlineData(ObjectionStatus.Open)]
    [InlineData(ObjectionStatus.Deferred)]
    public void Find_UnresolvedObjectionFromHighInfluence_RaisesFlag(ObjectionStatus status)
    {
        var sheet = TestSheets.Textbook() with { Objections = [new SheetObjection("li-wei", "Too expensive", status)] };

        var flag = _rule.Run(sheet).ShouldHaveSingleItem();

        flag.Influence!.Id.ShouldBe("li-wei");
        flag.Objection!.Text.ShouldBe("Too expensive");
    }

    [Fact]
    public void Find_ObjectionFromMediumInfluence_RaisesNothing()
    {
        var sheet = TestSheets.Textbook(TestSheets.Person("m")) with { Objections = [new SheetObjection("m", "Training takes too long", ObjectionStatus.Open)] };

        _rule.Run(sheet).ShouldBeEmpty();
    }

    [Fact]
    public void Find_ObjectionFromNobody_RaisesNothing() =>
        _rule.Run(TestSheets.Textbook() with { Objections = [new SheetObjection(null, "Rumour", ObjectionStatus.Open)] }).ShouldBeEmpty();

    [Fact]
    public void Find_ObjectionFromInactiveHighInfluence_RaisesNothing()
    {
        var sheet = TestSheets.Textbook().WithInfluences(TestSheets.Coach(), TestSheets.EconomicBuyer() with { Status = PersonStatus.Moved })
            with { Objections = [new SheetObjection("li-wei", "Too expensive", ObjectionStatus.Open)] };

        _rule.Run(sheet).ShouldBeEmpty();
    }
}
