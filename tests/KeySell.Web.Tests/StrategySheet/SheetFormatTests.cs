using System.Globalization;
using KeySell.Web.Components.Opportunities;

namespace KeySell.Web.Tests.StrategySheet;

public class SheetFormatTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    [Fact]
    public void Money_YuanInChinese_ShowsYenSignWithoutDecimals()
    {
        SheetFormat.Money(1_200_000m, "CNY", Chinese).ShouldBe("¥1,200,000");
    }

    [Fact]
    public void Money_YuanInEnglish_NamesTheCountrySoItIsNotTakenForYen()
    {
        SheetFormat.Money(1_200_000m, "CNY", English).ShouldBe("CN¥1,200,000");
    }

    [Fact]
    public void Money_Cents_KeepsTwoDecimals()
    {
        SheetFormat.Money(1234.5m, "USD", English).ShouldBe("$1,234.50");
    }

    [Fact]
    public void Date_InChinese_IsTheCoursesLongDate()
    {
        SheetFormat.Date(new DateOnly(2027, 3, 31), Chinese).ShouldBe("2027年3月31日");
    }

    [Fact]
    public void Date_InEnglish_HasNoWeekday()
    {
        SheetFormat.Date(new DateOnly(2027, 3, 31), English).ShouldBe("March 31, 2027");
    }

    [Theory]
    [InlineData(3, "+3")]
    [InlineData(0, "0")]
    [InlineData(-2, "\u22122")]
    public void Support_AlwaysCarriesItsSign(int support, string expected)
    {
        SheetFormat.Support(support).ShouldBe(expected);
    }
}
