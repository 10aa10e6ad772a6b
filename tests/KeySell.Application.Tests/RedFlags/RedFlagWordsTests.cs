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
    private static readonly DateOnly AsOf = new(2026, 11, 26);

    private static SheetInfluence Person(string id, string name) => new(
        id, name, "CIO", BuyingRoles.Coach, InfluenceLevel.High, 4, ContactLevel.Frequent, ResponseMode.Growth,
        "Our VP", PersonStatus.Active, AsOf.AddDays(-100), AsOf.AddDays(-2), ["recognition"], []);

    /// <summary>A sheet on which every rule of the contract fires at least once.</summary>
    private static SheetAnalysis EveryFlag()
    {
        var sheet = new StrategySheet(AsOf,
            new SheetOpportunity("ERP rollout", "East China Steel", -2m, new SheetObjective(" ", null, null, null, null),
                Engagement.AfterTender, FunnelLevel.BestFew, ExpectedOutcome.WinLose),
            [
                Person("wang", "Wang Fang") with { Influence = InfluenceLevel.Low, Support = 1 },
                Person("zhao", "Zhao Lei") with { Status = PersonStatus.LeftCompany },
                Person("li", "Li Wei") with
                {
                    Roles = BuyingRoles.Economic | BuyingRoles.Technical, Mode = ResponseMode.EvenKeel, Support = -5,
                    Counterpart = null, Contact = ContactLevel.None, Wins = [], Since = AsOf.AddDays(-5), LastContact = null,
                },
                Person("chen", "Chen Jing") with { Roles = BuyingRoles.None, Influence = InfluenceLevel.Unknown, Support = null, LastContact = AsOf.AddDays(-60) },
            ],
            [],
            [new SheetObjection("li", "Price is 20% above budget", ObjectionStatus.Open)],
            [new SheetRedFlag("Rumoured reorganisation in IT", "wang")]);
        return StrategyAnalyzer.Default.Analyze(sheet with { Influences = sheet.Influences.Select(i => i.Id == "wang" ? i with { LastContact = AsOf.AddDays(-40) } : i).ToArray() }, AsOf);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Describe_EveryRule_HasAMessageAndAnActionWithNoPlaceholderLeft(string language)
    {
        // A coach and an economic buyer cannot be both present and missing, so an empty sheet covers the rest.
        var analyses = new[] { EveryFlag(), StrategyAnalyzer.Default.Analyze(EveryFlag().Sheet with { Influences = [] }, AsOf) };
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
