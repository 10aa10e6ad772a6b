using KeySell.Domain.RedFlags;
using KeySell.Web.Components.Opportunities;

namespace KeySell.Web.Tests.StrategySheet;

public class FlagCellsTests
{
    [Fact]
    public void RuleIds_EveryRedFlagTheEngineRaises_PointsAtACell()
    {
        RedFlagIds.All.Except(FlagCells.RuleIds).ShouldBeEmpty("a red flag without a cell would link nowhere on the sheet");
    }

    [Fact]
    public void Selector_FlagAboutOnePerson_PointsIntoTheirRow()
    {
        var flag = new FlagLine("opponent", RedFlagSeverity.Critical, "p4", "Zhao Qing", "", "", []);

        FlagCells.Selector(flag).ShouldBe("#influence-p4 [data-cell=\"support\"]");
        FlagCells.Anchor(flag).ShouldBe("#influence-p4");
    }

    [Fact]
    public void Selector_FlagAboutTheWholeDeal_PointsAtTheSheetsCell()
    {
        FlagCells.Selector(new FlagLine("no-coach", RedFlagSeverity.Warning, null, null, "", "", [])).ShouldBe("[data-sheet-cell=\"roles\"]");
        FlagCells.Selector(new FlagLine("late-entry", RedFlagSeverity.Critical, null, null, "", "", [])).ShouldBe("[data-sheet-cell=\"engagement\"]");
        FlagCells.Selector(new FlagLine("stale", RedFlagSeverity.Warning, null, null, "", "", [])).ShouldBe("[data-sheet-cell=\"last-contact\"]");
    }
}
