using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Learning;

namespace KeySell.Domain.Tests.Learning;

public class WinCriteriaSortTests
{
    private static Dictionary<BuyingRoles, IReadOnlyList<char>> Placed(string coach, string user, string technical, string economic) => new()
    {
        [BuyingRoles.Coach] = coach.ToCharArray(),
        [BuyingRoles.User] = user.ToCharArray(),
        [BuyingRoles.Technical] = technical.ToCharArray(),
        [BuyingRoles.Economic] = economic.ToCharArray(),
    };

    [Fact]
    public void Grade_TheCoursesAnswer_ScoresFullMarks()
    {
        var grade = WinCriteriaSort.Grade(Placed("ABC", "DEFGI", "HJ", "KLMN"));
        grade.Score.ShouldBe(1m);
        grade.Wrong.ShouldBeEmpty();
        grade.Correct.Count.ShouldBe(14);
    }

    [Fact]
    public void Grade_ReliabilityWithTheTechnicalBuyer_IsRightToo()
    {
        WinCriteriaSort.Grade(Placed("ABC", "DEFG", "HIJ", "KLMN")).Score.ShouldBe(1m);
    }

    [Fact]
    public void Grade_ReliabilityInBothColumns_IsWrongBecausePlacedTwice()
    {
        var grade = WinCriteriaSort.Grade(Placed("ABC", "DEFGI", "HIJ", "KLMN"));
        grade.Wrong.ShouldBe(["I"]);
        grade.Score.ShouldBe(Math.Round(13m / 14, 4));
    }

    [Fact]
    public void Grade_TwoSwappedAndOneMissing_NamesExactlyThoseThree()
    {
        // Fame with the economic buyer, low cost with the coach, cash flow left out.
        var grade = WinCriteriaSort.Grade(Placed("ACK", "DEFGI", "HJ", "BLM"));
        grade.Wrong.ShouldBe(["B", "K", "N"]);
        grade.Score.ShouldBe(Math.Round(11m / 14, 4));
    }

    [Fact]
    public void Grade_NothingPlaced_ScoresZeroWithEveryLetterWrong()
    {
        var grade = WinCriteriaSort.Grade(new Dictionary<BuyingRoles, IReadOnlyList<char>>());
        grade.Score.ShouldBe(0m);
        grade.Wrong.Count.ShouldBe(14);
    }

    [Fact]
    public void Grade_UnknownLetter_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WinCriteriaSort.Grade(Placed("ABZ", "", "", "")));
    }

    [Fact]
    public void Criteria_AreTheFourteenLettersAToNInOrder()
    {
        string.Concat(WinCriteriaSort.Criteria.Select(c => c.Letter)).ShouldBe("ABCDEFGHIJKLMN");
    }

    [Property]
    public Property Grade_AnyPlacement_ScoreIsTheShareOfCorrectAndEveryLetterIsJudgedOnce()
    {
        var roles = new[] { BuyingRoles.Coach, BuyingRoles.User, BuyingRoles.Technical, BuyingRoles.Economic };
        var placement = Gen.Elements("ABCDEFGHIJKLMN".ToCharArray())
            .Zip(Gen.Elements(roles))
            .ListOf()
            .ToArbitrary();
        return Prop.ForAll(placement, pairs =>
        {
            var placed = roles.ToDictionary(r => r, r => (IReadOnlyList<char>)pairs.Where(p => p.Item2 == r).Select(p => p.Item1).ToList());
            var grade = WinCriteriaSort.Grade(placed);
            return grade.Correct.Count + grade.Wrong.Count == 14
                && grade.Correct.Intersect(grade.Wrong).Count() == 0
                && grade.Score == Math.Round((decimal)grade.Correct.Count / 14, 4);
        });
    }
}
