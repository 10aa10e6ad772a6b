using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

/// <summary>The three checks of self-check 3-1, each a rule of its own.</summary>
public sealed class NeedsNotRootedTests
{
    private readonly NeedsNotRooted _rule = new();

    private List<KeySell.Domain.RedFlags.RedFlag> Run(SheetNeeds? needs) => _rule.Run(TestSheets.TextbookV2() with { Needs = needs });

    [Fact]
    public void Find_NoTree_RaisesNothing() => Run(null).ShouldBeEmpty();

    [Fact]
    public void Find_TreeWithoutBranches_RaisesNothing() => Run(new SheetNeeds(null, [])).ShouldBeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Find_BranchesAndBlankCurrentState_Fires(string? state) =>
        Run(new SheetNeeds(state, [TestSheets.Branch(NeedLayer.Finance)])).ShouldHaveSingleItem().Influence.ShouldBeNull();

    [Fact]
    public void Find_BranchesAndCurrentState_RaisesNothing() =>
        Run(new SheetNeeds("Close takes 12 days", [TestSheets.Branch(NeedLayer.Finance)])).ShouldBeEmpty();

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Needs = new SheetNeeds(null, [TestSheets.Branch(NeedLayer.Finance)]), Version = 1 }).ShouldBeEmpty();
}

public sealed class NeedsNotDecomposedTests
{
    private readonly NeedsNotDecomposed _rule = new();

    private List<KeySell.Domain.RedFlags.RedFlag> Run(params SheetNeed[] branches) =>
        _rule.Run(TestSheets.TextbookV2() with { Needs = new SheetNeeds("state", branches) });

    [Fact]
    public void Find_NoBranches_RaisesNothing() => Run().ShouldBeEmpty();

    [Fact]
    public void Find_TwoLayers_Fires() =>
        Run(TestSheets.Branch(NeedLayer.Finance), TestSheets.Branch(NeedLayer.Process)).ShouldHaveSingleItem();

    [Fact]
    public void Find_ThreeLayers_RaisesNothing() =>
        Run(TestSheets.Branch(NeedLayer.Finance), TestSheets.Branch(NeedLayer.Process), TestSheets.Branch(NeedLayer.Customers)).ShouldBeEmpty();

    [Fact]
    public void Find_ThreeBranchesTwoDistinctLayers_Fires() =>
        Run(TestSheets.Branch(NeedLayer.Finance), TestSheets.Branch(NeedLayer.Process), TestSheets.Branch(NeedLayer.Finance)).Count.ShouldBe(1);

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Needs = new SheetNeeds("s", [TestSheets.Branch(NeedLayer.Finance)]), Version = 1 }).ShouldBeEmpty();
}

public sealed class NeedsNotLandedTests
{
    private readonly NeedsNotLanded _rule = new();

    private List<KeySell.Domain.RedFlags.RedFlag> Run(params SheetNeed[] branches) =>
        _rule.Run(TestSheets.TextbookV2() with { Needs = new SheetNeeds("state", branches) });

    [Fact]
    public void Find_NoBranches_RaisesNothing() => Run().ShouldBeEmpty();

    [Fact]
    public void Find_EveryLeafLanded_RaisesNothing() =>
        Run(TestSheets.Branch(NeedLayer.Finance, TestSheets.Leaf("a"), TestSheets.Leaf("b")), TestSheets.Branch(NeedLayer.Process, TestSheets.Leaf("c"))).ShouldBeEmpty();

    [Fact]
    public void Find_BranchWithoutChildrenOrSolution_IsAnUnlandedLeaf() =>
        Run(TestSheets.Branch(NeedLayer.Finance)).ShouldHaveSingleItem().Count.ShouldBe(1);

    [Fact]
    public void Find_ThreeUnlandedLeavesAtSeveralDepths_FiresOnceCountingThem()
    {
        var deep = new SheetNeed(null, "deeper", [TestSheets.Leaf("deepest", null)], null);
        var flags = Run(
            TestSheets.Branch(NeedLayer.Finance, TestSheets.Leaf("a", null), TestSheets.Leaf("b"), deep),
            TestSheets.Branch(NeedLayer.Process, TestSheets.Leaf("c", "  ")));

        flags.ShouldHaveSingleItem().Count.ShouldBe(3);
    }

    [Fact]
    public void Find_InnerNodeWithoutSolution_IsNotALeaf() =>
        Run(TestSheets.Branch(NeedLayer.Finance, TestSheets.Leaf("a"))).ShouldBeEmpty();

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Needs = new SheetNeeds("s", [TestSheets.Branch(NeedLayer.Finance)]), Version = 1 }).ShouldBeEmpty();
}
