using KeySell.Domain.Opportunities;

namespace KeySell.Domain.Tests.Opportunities;

public sealed class SalesObjectiveTests
{
    [Fact]
    public void IsComplete_ProductAmountAndDate_IsComplete() =>
        new SalesObjective { Product = "ERP suite", Amount = 1_200_000m, CloseDate = new DateOnly(2027, 3, 31) }.IsComplete.ShouldBeTrue();

    [Theory]
    [InlineData(" ", 1.0, true)]
    [InlineData("ERP", null, true)]
    [InlineData("ERP", 1.0, false)]
    public void IsComplete_AnyPartMissing_IsIncomplete(string? product, double? amount, bool hasDate) =>
        new SalesObjective { Product = product, Amount = (decimal?)amount, CloseDate = hasDate ? new DateOnly(2027, 1, 1) : null }
            .IsComplete.ShouldBeFalse();
}
