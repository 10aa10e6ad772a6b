using FsCheck.Xunit;
using KeySell.Application.Quotas;

namespace KeySell.Application.Tests.Quotas;

public sealed class QuotaPeriodTests
{
    [Theory]
    [InlineData("2027", "2027", "2027-01-01", "2027-12-31")]
    [InlineData("2027-Q1", "2027-Q1", "2027-01-01", "2027-03-31")]
    [InlineData("2028-q1", "2028-Q1", "2028-01-01", "2028-03-31")]
    [InlineData(" 2027-Q2 ", "2027-Q2", "2027-04-01", "2027-06-30")]
    [InlineData("2027-Q3", "2027-Q3", "2027-07-01", "2027-09-30")]
    [InlineData("2027-Q4", "2027-Q4", "2027-10-01", "2027-12-31")]
    public void Parse_YearOrQuarter_GivesItsFirstAndLastDay(string text, string expected, string first, string last)
    {
        var period = QuotaPeriod.Parse(text).Value;

        period.ShouldBe(new QuotaPeriod(expected, DateOnly.Parse(first), DateOnly.Parse(last)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027-Q0")]
    [InlineData("2027-Q5")]
    [InlineData("2027-H1")]
    [InlineData("2027Q1")]
    [InlineData("27-Q1")]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("２０２７")]
    [InlineData("2027-Q1-extra")]
    public void Parse_AnythingElse_IsAnErrorOnPeriod(string? text)
    {
        var result = QuotaPeriod.Parse(text);

        result.Succeeded.ShouldBeFalse();
        result.Error!.Fields.Keys.ShouldBe(["period"]);
    }

    [Property(MaxTest = 300)]
    public bool Parse_EveryDayOfAYear_IsInExactlyOneQuarterAndInTheYear(ushort offset, byte dayOfYear)
    {
        var year = 2000 + offset % 101;
        var day = new DateOnly(year, 1, 1).AddDays(dayOfYear % 365);
        var whole = QuotaPeriod.Parse($"{year}").Value;
        var quarters = Enumerable.Range(1, 4).Select(q => QuotaPeriod.Parse($"{year}-Q{q}").Value).ToList();
        return day >= whole.First && day <= whole.Last && quarters.Count(q => day >= q.First && day <= q.Last) == 1;
    }

    [Theory]
    [InlineData(2027, 1, 1, "2027-Q1", "2027-01-01", "2027-03-31")]
    [InlineData(2027, 3, 31, "2027-Q1", "2027-01-01", "2027-03-31")]
    [InlineData(2027, 4, 1, "2027-Q2", "2027-04-01", "2027-06-30")]
    [InlineData(2026, 11, 30, "2026-Q4", "2026-10-01", "2026-12-31")]
    public void QuarterOf_ADay_IsTheQuarterItFallsIn(int year, int month, int day, string text, string first, string last)
    {
        var quarter = QuotaPeriod.QuarterOf(new DateOnly(year, month, day));

        quarter.Text.ShouldBe(text);
        quarter.First.ShouldBe(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
        quarter.Last.ShouldBe(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
    }
}
