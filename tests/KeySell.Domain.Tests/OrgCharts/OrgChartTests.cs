using KeySell.Domain.OrgCharts;

namespace KeySell.Domain.Tests.OrgCharts;

public sealed class OrgChartTests
{
    private static readonly Guid Ceo = Guid.NewGuid(), Vp = Guid.NewGuid(), Director = Guid.NewGuid(), Outsider = Guid.NewGuid();

    private static readonly Dictionary<Guid, Guid?> ReportsTo = new()
    {
        [Ceo] = null,
        [Vp] = Ceo,
        [Director] = Vp,
        [Outsider] = null,
    };

    [Fact]
    public void WouldCreateCycle_ManagerIsSelf_IsACycle() => OrgChart.WouldCreateCycle(Vp, Vp, ReportsTo).ShouldBeTrue();

    [Fact]
    public void WouldCreateCycle_ManagerReportsUpToThePerson_IsACycle() =>
        OrgChart.WouldCreateCycle(Ceo, Director, ReportsTo).ShouldBeTrue();

    [Fact]
    public void WouldCreateCycle_ManagerElsewhereInTheTree_IsNoCycle()
    {
        OrgChart.WouldCreateCycle(Outsider, Director, ReportsTo).ShouldBeFalse();
        OrgChart.WouldCreateCycle(Director, Ceo, ReportsTo).ShouldBeFalse();
    }

    [Fact]
    public void WouldCreateCycle_NoManager_IsNoCycle() => OrgChart.WouldCreateCycle(Vp, null, ReportsTo).ShouldBeFalse();

    [Fact]
    public void WouldCreateCycle_ExistingLoopInData_StopsAndReportsACycle()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var looped = new Dictionary<Guid, Guid?> { [a] = b, [b] = a };

        OrgChart.WouldCreateCycle(Guid.NewGuid(), a, looped).ShouldBeTrue();
    }
}
