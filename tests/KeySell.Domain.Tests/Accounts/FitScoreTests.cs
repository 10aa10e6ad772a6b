using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.Accounts;

namespace KeySell.Domain.Tests.Accounts;

/// <summary>The ideal-customer score and coverage of the funnel contract, by hand-computed cases and by properties.</summary>
public class FitScoreTests
{
    private static FitScore.Rated R(int weight, int? rating) => new(weight, rating);

    [Fact]
    public void Of_WeightsThreeAndOne_IsTheWeightedMean() =>
        // (3×4 + 1×(−2)) / 4 = 2.5
        FitScore.Of([R(3, 4), R(1, -2)]).ShouldBe(2.5m);

    [Theory]
    [InlineData(-1, -0.3)] // (−1 + 0×3) / 4 = −0.25
    [InlineData(1, 0.3)]   // +0.25
    public void Of_ExactHalf_RoundsAwayFromZero(int rating, double expected) =>
        FitScore.Of([R(1, rating), R(3, 0)]).ShouldBe((decimal)expected);

    [Fact]
    public void Of_ThirdOfAPoint_RoundsToTheNearestTenth() =>
        // (1 + 0 + 0) / 3 = 0.333… → 0.3; (2 + 0 + 0) / 3 = 0.666… → 0.7
        (FitScore.Of([R(1, 1), R(1, 0), R(1, 0)]), FitScore.Of([R(1, 2), R(1, 0), R(1, 0)])).ShouldBe((0.3m, 0.7m));

    [Fact]
    public void Of_NothingRated_IsNull() => FitScore.Of([R(5, null), R(1, null)]).ShouldBeNull();

    [Fact]
    public void Of_AlwaysOneDecimal_AsStoredAndShown() => FitScore.Of([R(2, 3)])!.Value.Scale.ShouldBe((byte)1);

    [Fact]
    public void Coverage_HalfTheWeightRated_IsOneHalf() =>
        // rated 3 + 1 of 3 + 1 + 4
        FitScore.Coverage([R(3, 4), R(1, -2), R(4, null)]).ShouldBe(0.5m);

    [Fact]
    public void Coverage_OneOfThreeEqualWeights_HasTwoDecimals() => FitScore.Coverage([R(1, 2), R(1, null), R(1, null)]).ShouldBe(0.33m);

    [Fact]
    public void Coverage_NoCriteria_IsZero() => FitScore.Coverage([]).ShouldBe(0m);

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -3)]
    [InlineData(-0.4, 0)]
    [InlineData(4.49, 4)]
    public void CarriedOverRating_HandTypedScore_RoundsHalfAwayFromZero(double score, int expected) =>
        FitScore.CarriedOverRating((decimal)score).ShouldBe(expected);

    private static Arbitrary<FitScore.Rated[]> Criteria() =>
        Gen.Zip(Gen.Choose(FitCriterion.MinWeight, FitCriterion.MaxWeight),
                Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(FitRating.MinRating, FitRating.MaxRating).Select(r => (int?)r))))
            .Select(t => new FitScore.Rated(t.Item1, t.Item2))
            .ArrayOf().Where(a => a.Length <= FitCriterion.MaxCount).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Of_AnyRatings_StaysWithinTheScale() => Prop.ForAll(Criteria(), criteria =>
        FitScore.Of(criteria) is not { } score || (score >= FitScore.MinScore && score <= FitScore.MaxScore));

    [Property(MaxTest = 500)]
    public Property Of_AnyRatings_IsTheExactMeanRoundedHalfAwayFromZero() => Prop.ForAll(Criteria(), criteria =>
    {
        var rated = criteria.Where(c => c.Rating is not null).ToList();
        if (rated.Count == 0) return FitScore.Of(criteria) is null;
        // Independently: ten times the mean, rounded half away from zero with integers only.
        long n = rated.Sum(c => (long)c.Weight * c.Rating!.Value), d = rated.Sum(c => (long)c.Weight);
        var tenths = Math.Sign(n) * ((Math.Abs(n) * 20 + d) / (2 * d));
        return FitScore.Of(criteria) == tenths / 10m;
    });

    [Property(MaxTest = 500)]
    public Property Of_UnratedCriteria_AreIgnored() => Prop.ForAll(Criteria(), criteria =>
        FitScore.Of(criteria) == FitScore.Of(criteria.Where(c => c.Rating is not null)));

    [Property(MaxTest = 500)]
    public Property Of_EveryWeightScaledAlike_KeepsTheScore() => Prop.ForAll(Criteria(), Gen.Choose(2, 7).ToArbitrary(), (criteria, k) =>
        FitScore.Of(criteria) == FitScore.Of(criteria.Select(c => c with { Weight = c.Weight * k })));

    [Property(MaxTest = 500)]
    public Property Coverage_AnyCriteria_IsBetweenZeroAndOne() => Prop.ForAll(Criteria(), criteria =>
        FitScore.Coverage(criteria) is >= 0m and <= 1m
        && (criteria.All(c => c.Rating is not null) && criteria.Length > 0 ? FitScore.Coverage(criteria) == 1m : true));
}
