using System.Collections;
using System.Globalization;
using System.Resources;
using KeySell.Application.Calls;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.OrgCharts;

namespace KeySell.Application.Tests.Calls;

public sealed class QuestionBankTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void For_TopOfficer_ResultsFirstQuestionsLeadEveryType()
    {
        var bank = QuestionBank.For([(BuyingRoles.Economic, Seniority.TopOfficer)], English);

        bank.Select(g => g.Type).ShouldBe([SpinType.Situation, SpinType.Problem, SpinType.Implication, SpinType.NeedPayoff]);
        bank.ShouldAllBe(g => g.Questions[0].For == QuestionAudience.TopOfficer);
        var payoff = bank.Single(g => g.Type == SpinType.NeedPayoff).Questions.Where(q => q.For == QuestionAudience.TopOfficer).Select(q => q.Text).ToList();
        payoff.ShouldContain("If productivity rose by ten percent, what would that mean for the year's results?");
        var implication = bank.Single(g => g.Type == SpinType.Implication).Questions.Select(q => q.Text).ToList();
        implication.ShouldContain("What does it cost the company in cash flow and flexibility?");
        // The economic buyer's questions follow, then the ones for anyone.
        bank.Single(g => g.Type == SpinType.NeedPayoff).Questions.Select(q => q.For).Distinct()
            .ShouldBe([QuestionAudience.TopOfficer, QuestionAudience.Economic, QuestionAudience.Any]);
    }

    [Fact]
    public void For_ManagerWhoIsUser_NoTopOfficerQuestions()
    {
        var bank = QuestionBank.For([(BuyingRoles.User, Seniority.Manager)], English);

        bank.SelectMany(g => g.Questions).ShouldNotContain(q => q.For == QuestionAudience.TopOfficer);
        bank.Single(g => g.Type == SpinType.Problem).Questions.Select(q => q.Text)
            .ShouldBe(["Which step takes the most time or goes wrong most often?", "What do you still have to put right by hand?",
                "What gives you the most trouble in this work today?", "Where does the current way fall short of what you need?"]);
    }

    [Fact]
    public void AudiencesOf_CoachAndTechnicalTogether_BothRolesInMethodOrderThenAnyone() =>
        QuestionBank.AudiencesOf([(BuyingRoles.Technical, Seniority.Staff), (BuyingRoles.Coach | BuyingRoles.User, Seniority.Unknown)])
            .ShouldBe([QuestionAudience.Coach, QuestionAudience.User, QuestionAudience.Technical, QuestionAudience.Any]);

    [Fact]
    public void AudiencesOf_Nobody_OnlyTheGeneralQuestions() =>
        QuestionBank.AudiencesOf([]).ShouldBe([QuestionAudience.Any]);

    [Fact]
    public void For_Chinese_TheCoursesWords()
    {
        var bank = QuestionBank.For([(BuyingRoles.Economic, Seniority.TopOfficer)], Chinese);

        var situation = bank.Single(g => g.Type == SpinType.Situation).Questions;
        situation[0].Text.ShouldBe("这个项目最终要交出什么结果？您用什么指标来衡量？");
        bank.Single(g => g.Type == SpinType.NeedPayoff).Questions.Select(q => q.Text).ShouldContain("投入产出达到多少，这个项目才值得做？");
        bank.SelectMany(g => g.Questions).ShouldAllBe(q => q.Text.Any(c => c >= '\u4e00' && c <= '\u9fff'));
    }

    [Fact]
    public void Resources_BothLanguages_HoldTheSameQuestions()
    {
        var manager = new ResourceManager("KeySell.Application.Resources.QuestionBank", typeof(QuestionBank).Assembly);
        var chinese = manager.GetResourceSet(CultureInfo.GetCultureInfo("zh-Hans"), createIfNotExists: true, tryParents: false)!;
        var chineseKeys = chinese.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();

        chineseKeys.ShouldBe(QuestionBank.AllKeys.Order().ToList());
        QuestionBank.AllKeys.Count().ShouldBe(47);
        chinese.Cast<DictionaryEntry>().ShouldAllBe(e => !string.IsNullOrWhiteSpace((string)e.Value!));
    }

    [Fact]
    public void AllKeys_EveryTypeHasQuestionsForEveryAudience()
    {
        var bank = QuestionBank.For([(BuyingRoles.Coach | BuyingRoles.User | BuyingRoles.Technical | BuyingRoles.Economic, Seniority.TopOfficer)], English);
        foreach (var group in bank)
            group.Questions.Select(q => q.For).Distinct().Count().ShouldBe(6, $"{group.Type} lacks an audience");
    }
}
