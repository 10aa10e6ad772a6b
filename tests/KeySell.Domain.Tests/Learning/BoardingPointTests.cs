using KeySell.Domain.Learning;

namespace KeySell.Domain.Tests.Learning;

public class BoardingPointTests
{
    [Fact]
    public void Grade_BeforeTheProject_IsTheCoursesAnswer() => BoardingPoint.Grade("before-project").Score.ShouldBe(1m);

    [Theory]
    [InlineData("after-project")]
    [InlineData("after-tender")]
    public void Grade_LaterBoarding_ScoresZeroAndNamesTheChoice(string choice)
    {
        var grade = BoardingPoint.Grade(choice);
        grade.Score.ShouldBe(0m);
        grade.Wrong.ShouldBe([choice]);
    }

    [Fact]
    public void Grade_UnknownChoice_IsRefused() => Should.Throw<ArgumentOutOfRangeException>(() => BoardingPoint.Grade("after-signing"));
}
