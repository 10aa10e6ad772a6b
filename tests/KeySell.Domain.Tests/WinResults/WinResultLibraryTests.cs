using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.WinResults;

namespace KeySell.Domain.Tests.WinResults;

public sealed class WinResultLibraryTests
{
    [Fact]
    public void CriteriaFor_EachRole_HasTheSixCriteriaOfTable41()
    {
        foreach (var role in BuyingRolesExtensions.Each) WinResultLibrary.CriteriaFor(role).Count.ShouldBe(6);
        WinResultLibrary.CriteriaFor(BuyingRoles.Coach).Select(c => c.Chinese).ShouldBe(["认可", "出名", "击败对手", "有贡献感", "问题的解决者", "个人利益"]);
        WinResultLibrary.CriteriaFor(BuyingRoles.Economic).Select(c => c.Chinese).ShouldContain("现金流/适应性");
    }

    [Fact]
    public void SuggestionsFor_Results_OffersOnlyTheRolesBusinessResults()
    {
        var results = WinResultLibrary.SuggestionsFor(BuyingRoles.Economic, WinResultKind.Result);

        results.Select(r => r.English).ShouldBe(["low cost", "good budget", "return on investment", "productivity", "cash flow / flexibility"]);
    }

    [Fact]
    public void SuggestionsFor_WinsOfSeveralRoles_OffersEachRoleThenPersonalWinsWithoutRepeats()
    {
        var wins = WinResultLibrary.SuggestionsFor(BuyingRoles.Coach | BuyingRoles.User, WinResultKind.Win);

        wins[0].English.ShouldBe("recognition");
        wins.Select(w => w.English).ShouldContain("work better, faster, easier");
        wins.Select(w => w.English).ShouldContain("promotion");
        wins.Select(w => w.English).ShouldBeUnique();
        wins.ShouldAllBe(w => w.Kind == WinResultKind.Win);
    }

    [Fact]
    public void SuggestionsFor_UnknownRole_StillOffersPersonalWins() =>
        WinResultLibrary.SuggestionsFor(BuyingRoles.None, WinResultKind.Win).Count.ShouldBe(WinResultLibrary.PersonalWins.Count);

    [Fact]
    public void PersonalWins_AllHaveBothLanguages() =>
        WinResultLibrary.PersonalWins.ShouldAllBe(w => w.English.Length > 0 && w.Chinese.Length > 0);
}
