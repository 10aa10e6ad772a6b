using KeySell.Web.Exports;

namespace KeySell.Web.Tests.Exports;

public class DownloadNameTests
{
    [Fact]
    public void Of_AccountAndDeal_JoinsThemAndKeepsChinese() =>
        DownloadName.Of("pdf", "sheet", "华东钢铁集团", "MES rollout").ShouldBe("华东钢铁集团 - MES rollout.pdf");

    [Fact]
    public void Of_CharactersFileSystemsRefuse_BecomeSpacesCollapsed() =>
        DownloadName.Of("svg", "map", "A/B: \"deal\" <x>|y*?").ShouldBe("A B deal x y.svg");

    [Fact]
    public void Of_NothingUsable_TakesTheFallback() => DownloadName.Of("png", "map", "///", null).ShouldBe("map.png");

    [Fact]
    public void Of_LongPart_IsCutTo80Characters() =>
        DownloadName.Of("pdf", "sheet", new string('x', 200)).ShouldBe(new string('x', 80) + ".pdf");
}
