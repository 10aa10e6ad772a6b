using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class NoStrengthTests
{
    private readonly NoStrength _rule = new();

    [Fact]
    public void Find_StrengthListed_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_NoStrength_RaisesOneSheetFlag() => _rule.Run(TestSheets.Textbook() with { Strengths = [] }).People().ShouldBe([null]);
}
