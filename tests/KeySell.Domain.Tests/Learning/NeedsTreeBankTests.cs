using KeySell.Domain.Learning;

namespace KeySell.Domain.Tests.Learning;

public class NeedsTreeBankTests
{
    // The answers a trainer gives each tree, read from the trees by hand: starts from the current state, covers three
    // or more layers at the first level, every leaf lands on what we offer.
    [Theory]
    [InlineData("steel-coils", true, true, true)]
    [InlineData("hospital-billing", false, true, true)]
    [InlineData("retail-stock", true, false, true)]
    [InlineData("bank-loans", true, true, false)]
    [InlineData("logistics-fuel", false, false, false)]
    [InlineData("plant-energy", true, false, true)]
    public void Checks_EachTree_AreWhatATrainerReadsFromIt(string id, bool rooted, bool decomposed, bool landed)
    {
        var checks = NeedsTreeBank.Find(id)!.Checks;
        (checks.Rooted, checks.Decomposed, checks.Landed).ShouldBe((rooted, decomposed, landed));
    }

    [Fact]
    public void Exercises_SixOrMore_PassAndFailEveryQuestion()
    {
        var all = NeedsTreeBank.Exercises.Select(e => e.Checks).ToList();
        all.Count.ShouldBeGreaterThanOrEqualTo(6);
        all.ShouldContain(c => c.Rooted); all.ShouldContain(c => !c.Rooted);
        all.ShouldContain(c => c.Decomposed); all.ShouldContain(c => !c.Decomposed);
        all.ShouldContain(c => c.Landed); all.ShouldContain(c => !c.Landed);
    }

    [Fact]
    public void Tree_BothLanguages_HaveTheSameShapeAndTheSameChecks()
    {
        foreach (var exercise in NeedsTreeBank.Exercises)
        {
            var (english, chinese) = (exercise.Tree(chinese: false), exercise.Tree(chinese: true));
            chinese.Branches.Count.ShouldBe(english.Branches.Count, exercise.Id);
            Domain.Needs.NeedsChecks.Of(chinese).ShouldBeEquivalentTo(Domain.Needs.NeedsChecks.Of(english));
            chinese.Branches[0].Problem.ShouldNotBe(english.Branches[0].Problem, exercise.Id);
        }
    }

    [Fact]
    public void Grade_PartlyAndWhollyRight_ScoresTheShareOfThree()
    {
        NeedsTreeBank.Grade(NeedsTreeBank.Find("bank-loans")!, rooted: true, decomposed: true, landed: true).Score.ShouldBe(Math.Round(2m / 3, 4));
        NeedsTreeBank.Grade(NeedsTreeBank.Find("bank-loans")!, rooted: true, decomposed: true, landed: false).Score.ShouldBe(1m);
    }

    [Fact]
    public void Grade_OneWrong_NamesTheQuestion()
    {
        var grade = NeedsTreeBank.Grade(NeedsTreeBank.Find("retail-stock")!, rooted: true, decomposed: true, landed: true);
        grade.Wrong.ShouldBe(["decomposed"]);
        grade.Correct.ShouldBe(["rooted", "landed"]);
    }
}
