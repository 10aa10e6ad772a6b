using KeySell.Domain.Needs;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.Needs;

public sealed class NeedsChecksTests
{
    private static SheetNeed Leaf(string problem, string? solution) => new(null, problem, [], solution);

    private static SheetNeed Branch(NeedLayer layer, string problem, string? solution, params SheetNeed[] children) => new(layer, problem, children, solution);

    [Fact]
    public void Of_EmptyTreeWithBlankState_PassesEveryCheckWithNoLeaves()
    {
        var checks = NeedsChecks.Of(new SheetNeeds("  ", []));

        checks.ShouldBe(new NeedsChecks(true, true, true, checks.Layers, 0, 0));
        checks.Layers.ShouldBeEmpty();
    }

    [Fact]
    public void Of_BranchWithBlankCurrentState_IsNotRooted()
    {
        var checks = NeedsChecks.Of(new SheetNeeds(" ", [Branch(NeedLayer.Finance, "Cash tied up", "Matching")]));

        checks.Rooted.ShouldBeFalse();
    }

    [Fact]
    public void Of_TwoDistinctLayers_IsNotDecomposed()
    {
        var checks = NeedsChecks.Of(new SheetNeeds("12-day close", [
            Branch(NeedLayer.Finance, "a", "x"), Branch(NeedLayer.Process, "b", "y"), Branch(NeedLayer.Finance, "c", "z")]));

        checks.Decomposed.ShouldBeFalse();
        checks.Layers.ShouldBe([NeedLayer.Finance, NeedLayer.Process]);
    }

    [Fact]
    public void Of_ThreeDistinctLayers_IsDecomposedAndListsThemInOrderOfAppearance()
    {
        var checks = NeedsChecks.Of(new SheetNeeds("12-day close", [
            Branch(NeedLayer.Process, "a", "x"), Branch(NeedLayer.Finance, "b", "y"), Branch(NeedLayer.Customers, "c", "z")]));

        checks.Decomposed.ShouldBeTrue();
        checks.Layers.ShouldBe([NeedLayer.Process, NeedLayer.Finance, NeedLayer.Customers]);
    }

    [Fact]
    public void Of_DeepTree_CountsLeavesAtEveryDepthAndIgnoresSolutionsOfInnerNodes()
    {
        // Leaves: "late" (landed), "manual" (blank), "returns" (null), and the childless branch "churn" (landed): 4, 2 unlanded.
        var tree = new SheetNeeds("12-day close", [
            Branch(NeedLayer.Finance, "cash", null,
                new SheetNeed(null, "invoicing", [Leaf("late", "Automatic matching"), Leaf("manual", " ")], "inner solution does not count")),
            Branch(NeedLayer.Customers, "complaints", "x", Leaf("returns", null)),
            Branch(NeedLayer.Marketing, "churn", "Loyalty module"),
        ]);

        var checks = NeedsChecks.Of(tree);

        checks.Leaves.ShouldBe(4);
        checks.UnlandedLeaves.ShouldBe(2);
        checks.Landed.ShouldBeFalse();
        checks.Rooted.ShouldBeTrue();
        checks.Decomposed.ShouldBeTrue();
    }

    [Fact]
    public void Of_EveryLeafLanded_IsLanded()
    {
        var checks = NeedsChecks.Of(new SheetNeeds("state", [Branch(NeedLayer.Finance, "cash", null, Leaf("late", "Matching"))]));

        (checks.Landed, checks.Leaves, checks.UnlandedLeaves).ShouldBe((true, 1, 0));
    }
}
