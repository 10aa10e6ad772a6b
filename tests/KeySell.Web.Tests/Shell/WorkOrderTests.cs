using System.Globalization;
using KeySell.Application.Opportunities;
using KeySell.Domain.Opportunities;
using KeySell.Web.Components.Shared;

namespace KeySell.Web.Tests.Shell;

public class WorkOrderTests
{
    [Fact]
    public void Sort_MixedLevels_BestFewThenAboveThenInThenUniverseThenClosed()
    {
        var deals = new[]
        {
            Deal("lost", FunnelLevel.Lost), Deal("in", FunnelLevel.In), Deal("universe", FunnelLevel.Universe),
            Deal("won", FunnelLevel.Won), Deal("above", FunnelLevel.Above), Deal("best", FunnelLevel.BestFew),
        };

        WorkOrder.Sort(deals).Select(d => d.Name).ShouldBe(["best", "above", "in", "universe", "won", "lost"]);
    }

    [Fact]
    public void Sort_SameLevel_SoonestCloseFirstAndUndatedLast()
    {
        var deals = new[]
        {
            Deal("undated", FunnelLevel.In), Deal("later", FunnelLevel.In, new DateOnly(2027, 6, 1)), Deal("sooner", FunnelLevel.In, new DateOnly(2027, 1, 1)),
        };

        WorkOrder.Sort(deals).Select(d => d.Name).ShouldBe(["sooner", "later", "undated"]);
    }

    [Fact]
    public void Money_ChineseReaderAndYuan_ShowsTheYuanSignAndGrouping()
    {
        InChinese(() => Display.Money(1_200_000m, "CNY")).ShouldBe("¥1,200,000");
    }

    [Fact]
    public void Date_ChineseReader_ShowsYearMonthDay()
    {
        InChinese(() => Display.Date(new DateOnly(2027, 3, 31))).ShouldBe("2027年3月31日");
    }

    private static OpportunitySummary Deal(string name, FunnelLevel level, DateOnly? close = null) =>
        new(Guid.NewGuid(), name, Guid.NewGuid(), "Account", level, null, null, close, null, null, 0, 1);

    private static T InChinese<T>(Func<T> read)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
