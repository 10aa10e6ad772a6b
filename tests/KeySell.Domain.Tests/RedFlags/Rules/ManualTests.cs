using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class ManualTests
{
    private readonly Manual _rule = new();

    [Fact]
    public void Find_NoManualFlags_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_ManualFlags_ReportsEachWithItsTextAndPerson()
    {
        var sheet = TestSheets.Textbook() with { RedFlags = [new SheetRedFlag("Rumoured reorganisation in IT", null), new SheetRedFlag("Golf with competitor", "li-wei")] };

        var flags = _rule.Run(sheet);

        flags.Select(f => f.Text).ShouldBe(["Rumoured reorganisation in IT", "Golf with competitor"]);
        flags.People().ShouldBe([null, "li-wei"]);
    }
}
