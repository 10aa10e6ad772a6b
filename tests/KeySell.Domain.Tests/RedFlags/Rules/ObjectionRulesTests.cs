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

public sealed class ObjectionUnconfirmedTests
{
    private readonly ObjectionUnconfirmed _rule = new();

    private static SheetObjection Objection(string? from, ObjectionStatus status, params ObjectionStep[] steps) =>
        new(from, "Price is 20% above budget", status) { Steps = steps };

    private List<KeySell.Domain.RedFlags.RedFlag> Run(params SheetObjection[] objections) => _rule.Run(TestSheets.TextbookV2() with { Objections = objections });

    [Fact]
    public void Find_ResolvedObjection_RaisesNothing() => Run(Objection(null, ObjectionStatus.Resolved)).ShouldBeEmpty();

    [Fact]
    public void Find_ConfirmedWithSource_RaisesNothing() =>
        Run(Objection("li-wei", ObjectionStatus.Open, ObjectionStep.Listened, ObjectionStep.Confirmed)).ShouldBeEmpty();

    [Fact]
    public void Find_ConfirmedButNoSource_Fires() =>
        Run(Objection(null, ObjectionStatus.Open, ObjectionStep.Confirmed)).ShouldHaveSingleItem().Influence.ShouldBeNull();

    [Theory]
    [InlineData(ObjectionStatus.Open)]
    [InlineData(ObjectionStatus.Deferred)]
    public void Find_SourceButNotConfirmed_FiresWithTheSource(ObjectionStatus status)
    {
        var objection = Objection("li-wei", status, ObjectionStep.Listened, ObjectionStep.Restated, ObjectionStep.Answered);

        var flag = Run(objection).ShouldHaveSingleItem();

        flag.Influence!.Id.ShouldBe("li-wei");
        flag.Objection.ShouldBe(objection);
    }

    [Fact]
    public void Find_SeveralObjections_OneFlagEachInInputOrder() =>
        Run(Objection("wang-fang", ObjectionStatus.Open), Objection("li-wei", ObjectionStatus.Open, ObjectionStep.Confirmed),
                Objection(null, ObjectionStatus.Deferred), Objection("li-wei", ObjectionStatus.Open))
            .People().ShouldBe(["wang-fang", null, "li-wei"]);

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Objections = [Objection(null, ObjectionStatus.Open)], Version = 1 }).ShouldBeEmpty();
}

public sealed class ObjectionUnprovenTests
{
    private readonly ObjectionUnproven _rule = new();

    private static SheetObjection Answered(ObjectionAnswer? answer, ObjectionStatus status = ObjectionStatus.Open, string? from = "li-wei") =>
        new(from, "Go-live before Chinese New Year?", status) { Steps = [ObjectionStep.Confirmed, ObjectionStep.Answered], Answer = answer };

    private List<KeySell.Domain.RedFlags.RedFlag> Run(params SheetObjection[] objections) => _rule.Run(TestSheets.TextbookV2() with { Objections = objections });

    [Theory]
    [InlineData(ObjectionAnswer.Case)]
    [InlineData(ObjectionAnswer.ThirdPartyData)]
    public void Find_AnsweredWithEvidence_RaisesNothing(ObjectionAnswer answer) => Run(Answered(answer)).ShouldBeEmpty();

    [Fact]
    public void Find_AnsweredWithAProductClaim_Fires() => Run(Answered(ObjectionAnswer.ProductClaim)).ShouldHaveSingleItem().Influence!.Id.ShouldBe("li-wei");

    [Fact]
    public void Find_AnsweredWithNoEvidenceNamed_Fires() => Run(Answered(null, from: null)).ShouldHaveSingleItem().Influence.ShouldBeNull();

    [Fact]
    public void Find_ResolvedButAnsweredWithAClaim_StillFires() => Run(Answered(ObjectionAnswer.ProductClaim, ObjectionStatus.Resolved)).Count.ShouldBe(1);

    [Fact]
    public void Find_NotAnsweredYet_RaisesNothing() =>
        Run(new SheetObjection("li-wei", "Price", ObjectionStatus.Open) { Steps = [ObjectionStep.Listened], Answer = ObjectionAnswer.ProductClaim }).ShouldBeEmpty();

    [Fact]
    public void Find_Version1Sheet_NeverFires() =>
        _rule.Run(TestSheets.TextbookV2() with { Objections = [Answered(null)], Version = 1 }).ShouldBeEmpty();
}
