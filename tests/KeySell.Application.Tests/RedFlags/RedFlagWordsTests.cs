using KeySell.Application.RedFlags;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.RedFlags;

public sealed class RedFlagWordsTests
{
    private static readonly DateOnly AsOf = AnalysisExamples.AsOf;

    private static SheetInfluence Person(string id, string name) => AnalysisExamples.Person(id, name);

    private static SheetAnalysis EveryFlag() => AnalysisExamples.EveryFlag();

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Describe_EveryRule_HasAMessageAndAnActionWithNoPlaceholderLeft(string language)
    {
        var analyses = AnalysisExamples.CoveringEveryFlag();
        var words = RedFlagWords.For(language);

        var described = analyses.SelectMany(a => a.RedFlags.Select(f => words.Describe(f, a))).ToList();

        analyses.SelectMany(a => a.RedFlags).Select(f => f.Id).Distinct().Order().ShouldBe(RedFlagIds.All.Order());
        described.ShouldAllBe(d => d.Message.Length > 0 && d.Action.Length > 0);
        described.ShouldAllBe(d => !d.Message.Contains('{') && !d.Action.Contains('{'));
    }

    [Fact]
    public void Describe_CoachWeak_NamesThePersonAndBothGapsInEnglish()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "coach-weak");

        var (message, action) = RedFlagWords.English.Describe(flag, analysis);

        message.ShouldBe("Wang Fang is a weak coach: low influence on the deal and support +1 is below +3.");
        action.ShouldContain("never go around them");
    }

    [Fact]
    public void Describe_CoachWeak_UsesTheCoursesTermsInChinese()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "coach-weak");

        var (message, action) = RedFlagWords.Chinese.Describe(flag, analysis);

        message.ShouldBe("Wang Fang 这位教练力度不足：对项目的影响度低，且支持度 +1 低于 +3。");
        action.ShouldContain("不要越过教练");
    }

    [Fact]
    public void Describe_MissingInformation_NamesEachUnknownDimension()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "missing-information");

        RedFlagWords.English.Describe(flag, analysis).Message.ShouldBe("Chen Jing: role, influence, support unknown.");
        RedFlagWords.Chinese.Describe(flag, analysis).Message.ShouldBe("Chen Jing：角色、影响度、支持度未知。");
    }

    [Fact]
    public void Describe_UnreceptiveEconomicBuyer_SaysNoDiscrepancyNoSale()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "unreceptive-economic-buyer");

        var (message, action) = RedFlagWords.English.Describe(flag, analysis);

        message.ShouldBe("Li Wei, the economic buyer, is in even-keel mode: they see no gap between today's reality and the results they want.");
        action.ShouldStartWith("No discrepancy, no sale");
        RedFlagWords.Chinese.Describe(flag, analysis).Message.ShouldContain("四平八稳型");
    }

    [Fact]
    public void Describe_OpenObjection_QuotesTheObjection()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "open-objection");

        RedFlagWords.English.Describe(flag, analysis).Message.ShouldBe("Li Wei still objects: “Price is 20% above budget”.");
    }

    [Fact]
    public void Describe_IncompleteObjective_ListsWhatIsMissing()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "incomplete-objective");

        RedFlagWords.English.Describe(flag, analysis).Message.ShouldBe("The single sales objective lacks the product, the amount, the close date.");
        RedFlagWords.Chinese.Describe(flag, analysis).Message.ShouldBe("单一销售目标缺少产品、金额、成交日期。");
    }

    [Fact]
    public void Describe_NewPlayer_FormatsTheDateInTheLanguage()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "new-player");

        RedFlagWords.English.Describe(flag, analysis).Message.ShouldContain("2026-11-21");
        RedFlagWords.Chinese.Describe(flag, analysis).Message.ShouldContain("2026年11月21日");
    }

    [Fact]
    public void Describe_NameThatLooksLikeAPlaceholder_IsWrittenAsIs()
    {
        var analysis = EveryFlag();
        var flag = analysis.RedFlags.First(f => f.Id == "uncovered");
        flag = flag with { Influence = flag.Influence! with { Name = "{account} {gap}" } };

        RedFlagWords.English.Describe(flag, analysis).Message.ShouldBe("{account} {gap} has never been contacted.");
    }

    [Fact]
    public void For_UnknownLanguage_IsRefused() => Should.Throw<ArgumentException>(() => RedFlagWords.For("fr"));

    [Fact]
    public void From_Analysis_WritesTheContractsOutputShape()
    {
        var analysis = EveryFlag();

        var document = AnalysisDocument.From(analysis, RedFlagWords.English);

        document.Opportunity.ShouldBe("ERP rollout");
        document.AsOf.ShouldBe("2026-11-26");
        document.RedFlags[0].Id.ShouldBe("coach-gone");
        document.RedFlags[0].Influence.ShouldBe("zhao");
        document.Unreceptive.ShouldBe(["li"]);
        document.Funnel.Level.ShouldBe("best-few");
        document.Funnel.Premature.ShouldBeTrue();
        document.Funnel.Unmet.ShouldBe(["objective", "red-flags"]);
        document.Funnel.HighestMet.ShouldBe("above");
    }
}
