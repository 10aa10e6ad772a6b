using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.Tests.BuyingInfluences;

public sealed class SupportTests
{
    [Theory]
    [InlineData(5, SupportBand.Champion)]
    [InlineData(4, SupportBand.Champion)]
    [InlineData(3, SupportBand.Supporter)]
    [InlineData(1, SupportBand.Supporter)]
    [InlineData(0, SupportBand.Neutral)]
    [InlineData(-1, SupportBand.Skeptic)]
    [InlineData(-3, SupportBand.Skeptic)]
    [InlineData(-4, SupportBand.Opponent)]
    [InlineData(-5, SupportBand.Opponent)]
    public void Band_EachScore_FollowsTheMethodsBands(int support, SupportBand band) => Support.Band(support).ShouldBe(band);

    [Theory]
    [InlineData(null, true)]
    [InlineData(-5, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(-6, false)]
    public void IsValid_Score_OnlyMinusFiveToFiveOrUnknown(int? support, bool valid) => Support.IsValid(support).ShouldBe(valid);

    [Fact]
    public void Split_SeveralRoles_ListsThemInCuteOrder() =>
        (BuyingRoles.Economic | BuyingRoles.Coach).Split().ShouldBe([BuyingRoles.Coach, BuyingRoles.Economic]);

    [Fact]
    public void IsReceptive_Modes_OnlyGrowthAndTrouble()
    {
        ResponseMode.Growth.IsReceptive().ShouldBeTrue();
        ResponseMode.Trouble.IsReceptive().ShouldBeTrue();
        ResponseMode.EvenKeel.IsUnreceptive().ShouldBeTrue();
        ResponseMode.Overconfident.IsUnreceptive().ShouldBeTrue();
        ResponseMode.Unknown.IsReceptive().ShouldBeFalse();
        ResponseMode.Unknown.IsUnreceptive().ShouldBeFalse();
    }
}
