using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.Actions;

namespace KeySell.Domain.Tests.Actions;

/// <summary>When an action is late, and where "this week" ends (Monday to Sunday).</summary>
public sealed class ActionDueTests
{
    private static readonly DateOnly Today = new(2026, 11, 30); // a Monday

    [Theory]
    [InlineData(ActionStatus.Open, "2026-11-29", true)]     // due yesterday
    [InlineData(ActionStatus.Open, "2026-11-30", false)]    // due today: not late yet
    [InlineData(ActionStatus.Open, "2026-12-01", false)]
    [InlineData(ActionStatus.Done, "2026-11-01", false)]    // done long ago is not late
    [InlineData(ActionStatus.Dropped, "2026-11-01", false)]
    public void IsOverdue_ByStatusAndDue_IsOpenAndBeforeToday(ActionStatus status, string due, bool expected) =>
        ActionDue.IsOverdue(status, DateOnly.Parse(due), Today).ShouldBe(expected);

    [Fact]
    public void IsOverdue_NoDueDate_IsNeverLate() => ActionDue.IsOverdue(ActionStatus.Open, null, Today).ShouldBeFalse();

    [Theory]
    [InlineData("2026-11-30", "2026-12-06")] // Monday → the coming Sunday
    [InlineData("2026-12-02", "2026-12-06")] // Wednesday
    [InlineData("2026-12-05", "2026-12-06")] // Saturday
    [InlineData("2026-12-06", "2026-12-06")] // Sunday is the week's own last day
    [InlineData("2026-12-31", "2027-01-03")] // across the year's end
    public void EndOfWeek_AnyDay_IsThatWeeksSunday(string today, string sunday) =>
        ActionDue.EndOfWeek(DateOnly.Parse(today)).ShouldBe(DateOnly.Parse(sunday));

    [Property(MaxTest = 500)]
    public bool EndOfWeek_EveryDay_IsASundayWithinSixDaysAhead(int dayNumber)
    {
        var today = DateOnly.FromDayNumber(Math.Abs(dayNumber % 3_000_000));
        var end = ActionDue.EndOfWeek(today);
        var ahead = end.DayNumber - today.DayNumber;
        return end.DayOfWeek == DayOfWeek.Sunday && ahead is >= 0 and <= 6;
    }
}
