using KeySell.Domain.Needs;
using KeySell.Web.Components.Needs;

namespace KeySell.Web.Tests.Toolkit;

/// <summary>The outline editor's moves (Enter, Tab, Shift+Tab) on its flat rows, and the tree they save.</summary>
public sealed class NeedsOutlineTests
{
    private static NeedsOutline Outline(params (int Depth, string Problem)[] rows)
    {
        var outline = new NeedsOutline { CurrentState = "State" };
        foreach (var (depth, problem) in rows)
            outline.Rows.Add(new NeedRow { Depth = depth, Problem = problem, Layer = depth == 0 ? NeedLayer.Finance : null });
        return outline;
    }

    private static int[] Depths(NeedsOutline outline) => outline.Rows.Select(r => r.Depth).ToArray();

    [Fact]
    public void Indent_FirstRow_IsRefused() => Outline((0, "a")).Indent(0).ShouldBeFalse();

    [Fact]
    public void Indent_RowWithItsChildren_MovesThemAllOneLevelUnderTheRowAbove()
    {
        var outline = Outline((0, "a"), (0, "b"), (1, "b1"), (0, "c"));

        outline.Indent(1).ShouldBeTrue();

        Depths(outline).ShouldBe([0, 1, 2, 0]);
    }

    [Fact]
    public void Indent_RowAlreadyDeeperThanTheRowAbove_IsRefused()
    {
        var outline = Outline((0, "a"), (1, "a1"));

        outline.Indent(1).ShouldBeFalse();
        Depths(outline).ShouldBe([0, 1]);
    }

    [Fact]
    public void Indent_PastTheSixthLevel_IsRefused()
    {
        var outline = Outline((0, "1"), (1, "2"), (2, "3"), (3, "4"), (4, "5"), (5, "6"), (5, "6b"));

        outline.CanIndent(6).ShouldBeFalse();
        outline.Indent(6).ShouldBeFalse();
        // A row whose child is on the sixth level cannot take it one deeper either; without that child it can.
        Outline((0, "1"), (1, "2"), (2, "3"), (3, "4"), (4, "5"), (4, "5b"), (5, "6")).CanIndent(5).ShouldBeFalse();
        Outline((0, "1"), (1, "2"), (2, "3"), (3, "4"), (4, "5"), (4, "5b")).CanIndent(5).ShouldBeTrue();
    }

    [Fact]
    public void Outdent_Row_TakesTheSiblingsBelowItAsChildrenAndGetsAFreeLayer()
    {
        var outline = Outline((0, "a"), (1, "a1"), (1, "a2"), (1, "a3"));

        outline.Outdent(1).ShouldBeTrue();

        Depths(outline).ShouldBe([0, 0, 1, 1]);
        outline.Rows[1].Layer.ShouldBe(NeedLayer.Customers);
    }

    [Fact]
    public void Outdent_FirstLevelRow_IsRefused() => Outline((0, "a")).Outdent(0).ShouldBeFalse();

    [Fact]
    public void AddSiblingAfter_RowWithChildren_AddsBelowItsChildrenAtItsLevel()
    {
        var outline = Outline((0, "a"), (1, "a1"), (2, "a1x"), (0, "b"));

        var added = outline.AddSiblingAfter(1);

        added.ShouldBe(3);
        Depths(outline).ShouldBe([0, 1, 2, 1, 0]);
        outline.Rows[3].Layer.ShouldBeNull();
    }

    [Fact]
    public void ToCommand_Rows_NestByDepthWithPathsAndLeaveOutBlankLeaves()
    {
        var outline = Outline((0, "a"), (1, "a1"), (1, " "), (0, "b"), (1, "b1"));
        outline.Rows[1].Solution = "fix";

        var (branches, sent) = outline.ToCommand();

        branches.Select(b => b.Problem).ShouldBe(["a", "b"]);
        branches[0].Layer.ShouldBe("finance");
        branches[0].Children.ShouldNotBeNull().ShouldHaveSingleItem().Problem.ShouldBe("a1");
        branches[0].Children![0].Layer.ShouldBeNull();
        sent.Select(r => r.Path).ShouldBe(["branches[0]", "branches[0].children[0]", "branches[1]", "branches[1].children[0]"]);
        var checks = NeedsChecks.Of(outline.ToSheet())!;
        (checks.Leaves, checks.UnlandedLeaves).ShouldBe((2, 1));
    }
}
