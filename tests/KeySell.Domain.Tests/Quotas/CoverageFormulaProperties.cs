using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Quotas;

namespace KeySell.Domain.Tests.Quotas;

/// <summary>Invariants of the funnel principle's arithmetic that must hold for every figure, not just the examples.</summary>
public sealed class CoverageFormulaProperties
{
    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Gap_Always_IsNotNegative(Amount quota, Amount won, Amount weighted) =>
        CoverageFormula.Gap(quota.Value, won.Value, weighted.Value) >= 0m;

    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Gap_WhenPositive_IsWhatWonAndWeightedLeaveOfTheQuota(Amount quota, Amount won, Amount weighted)
    {
        var gap = CoverageFormula.Gap(quota.Value, won.Value, weighted.Value);
        return gap == 0m ? won.Value + weighted.Value >= quota.Value : won.Value + weighted.Value + gap == quota.Value;
    }

    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Coverage_PositiveQuota_IsTheRatioToTwoDecimals(Amount quota, Amount won, Amount weighted)
    {
        if (quota.Value == 0m) return CoverageFormula.Coverage(0m, won.Value, weighted.Value) is null;
        var coverage = CoverageFormula.Coverage(quota.Value, won.Value, weighted.Value)!.Value;
        var exact = (won.Value + weighted.Value) / quota.Value;
        return coverage.Scale <= 2 && Math.Abs(coverage - exact) <= 0.005m;
    }

    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Coverage_NoGap_IsAtLeastOne(Amount quota, Amount won, Amount weighted) =>
        quota.Value == 0m || CoverageFormula.Gap(quota.Value, won.Value, weighted.Value) > 0m
        || CoverageFormula.Coverage(quota.Value, won.Value, weighted.Value) >= 1m;

    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Needed_HigherWinRate_NeedsNoMorePipelineNorMoreDeals(Amount gap, Rate a, Rate b, Amount typical)
    {
        var (low, high) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        var atLow = CoverageFormula.Needed(gap.Value, low, typical.Value);
        var atHigh = CoverageFormula.Needed(gap.Value, high, typical.Value);
        return atLow.Amount >= atHigh.Amount && (atLow.Deals is null || atLow.Deals >= atHigh.Deals);
    }

    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Needed_Amount_TimesTheRateIsTheGap(Amount gap, Rate rate)
    {
        var amount = CoverageFormula.Needed(gap.Value, rate.Value, null).Amount!.Value;
        return Math.Abs(amount * rate.Value - gap.Value) <= 0.000001m;
    }

    [Property(Arbitrary = [typeof(Money)], MaxTest = 500)]
    public bool Needed_Deals_IsTheFewestTypicalDealsThatReachTheAmount(Amount gap, Rate rate, Amount typical)
    {
        if (typical.Value == 0m) return CoverageFormula.Needed(gap.Value, rate.Value, 0m).Deals is null;
        var (amount, deals) = CoverageFormula.Needed(gap.Value, rate.Value, typical.Value);
        // Beyond int.MaxValue deals the count is not a number anyone could act on: null.
        if (deals is not { } n) return amount!.Value / typical.Value > int.MaxValue;
        return n * typical.Value >= amount!.Value && (n == 0 || (n - 1) * typical.Value < amount.Value);
    }

    [Fact]
    public void Needed_NoTypicalDeal_HasAnAmountAndNoDeals() =>
        CoverageFormula.Needed(500_000m, 0.25m, null).ShouldBe((2_000_000m, (int?)null));

    [Fact]
    public void Needed_WinRateOfZero_IsUnbounded() =>
        CoverageFormula.Needed(500_000m, 0m, 250_000m).ShouldBe(((decimal?)null, (int?)null));

    [Fact]
    public void Needed_TheContractsExample_MatchesIt()
    {
        // gap 500,000, typical deal 250,000: above 5,000,000 (20 deals), in 2,000,000 (8), best-few 833,333.33… (4).
        CoverageFormula.Needed(500_000m, 0.1m, 250_000m).ShouldBe((5_000_000m, (int?)20));
        CoverageFormula.Needed(500_000m, 0.25m, 250_000m).ShouldBe((2_000_000m, (int?)8));
        var (amount, deals) = CoverageFormula.Needed(500_000m, 0.6m, 250_000m);
        ((double)amount!.Value).ShouldBe(833333.3333333334);
        deals.ShouldBe(4);
    }

    [Property(Arbitrary = [typeof(Money)], MaxTest = 300)]
    public bool Weighted_OnlyAboveInAndBestFewCount_EachAtItsRate(Amount a, Amount b, Amount c, Amount d, Rate above, Rate @in, Rate bestFew)
    {
        var rates = new WinRates(above.Value, @in.Value, bestFew.Value);
        var deals = new[]
        {
            (FunnelLevel.Above, a.Value), (FunnelLevel.In, b.Value), (FunnelLevel.BestFew, c.Value),
            (FunnelLevel.Universe, d.Value), (FunnelLevel.Won, d.Value), (FunnelLevel.Lost, d.Value),
        };
        return CoverageFormula.Weighted(deals, rates) == a.Value * above.Value + b.Value * @in.Value + c.Value * bestFew.Value;
    }

    [Property(Arbitrary = [typeof(Money)], MaxTest = 300)]
    public bool Weighted_NeverMoreThanTheOpenAmount(Amount a, Amount b, Amount c, Rate above, Rate @in, Rate bestFew) =>
        CoverageFormula.Weighted([(FunnelLevel.Above, a.Value), (FunnelLevel.In, b.Value), (FunnelLevel.BestFew, c.Value)], new WinRates(above.Value, @in.Value, bestFew.Value))
        <= a.Value + b.Value + c.Value;

    [Property(Arbitrary = [typeof(Money)], MaxTest = 300)]
    public bool Median_AnyAmounts_LiesBetweenTheSmallestAndLargestAndIgnoresOrder(Amount[] amounts, int seed)
    {
        var values = amounts.Select(x => x.Value).ToArray();
        var median = CoverageFormula.Median(values);
        if (values.Length == 0) return median is null;
        var random = new Random(seed);
        var shuffled = values.OrderBy(_ => random.Next()).ToArray();
        var below = values.Count(v => v < median);
        var above = values.Count(v => v > median);
        return median >= values.Min() && median <= values.Max() && CoverageFormula.Median(shuffled) == median
            && below <= values.Length / 2 && above <= values.Length / 2;
    }

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo() =>
        CoverageFormula.Median([500_000m, 100_000m, 300_000m, 900_000m]).ShouldBe(400_000m);

    [Theory]
    [InlineData(9, 0, 0.25)]   // too few: the default
    [InlineData(3, 6, 0.25)]   // 9 closed: still the default
    [InlineData(3, 7, 0.3)]    // 10 closed: 3 / 10
    [InlineData(0, 12, 0)]     // a history of losses
    public void ClosedRecord_RateOr_DefaultBelowTenElseWonOverClosed(int won, int lost, double expected) =>
        new ClosedRecord(won, lost).RateOr(0.25m).ShouldBe((decimal)expected);

    /// <summary>Base-currency amounts in cents up to a hundred billion, and win rates of four decimals in (0, 1].</summary>
    public static class Money
    {
        public static Arbitrary<Amount> Amounts() =>
            Gen.Choose(0, 1_000_000).SelectMany(units => Gen.Choose(0, 99_999).Select(cents => new Amount(units * 100_000m + cents / 100m))).ToArbitrary();

        public static Arbitrary<Rate> Rates() => Gen.Choose(1, 10_000).Select(r => new Rate(r / 10_000m)).ToArbitrary();
    }

    public sealed record Amount(decimal Value);

    public sealed record Rate(decimal Value);
}
