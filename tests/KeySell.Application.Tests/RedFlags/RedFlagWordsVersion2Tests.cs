using KeySell.Application.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.RedFlags;

/// <summary>The words of the rules version 2 adds: each names what it is about, in English and in the course's Chinese.</summary>
public sealed class RedFlagWordsVersion2Tests
{
    private static (string Message, string Action) Describe(string id, RedFlagWords words, int index = 0)
    {
        var analysis = AnalysisExamples.EveryVersion2Flag();
        return words.Describe(analysis.RedFlags.Where(f => f.Id == id).ElementAt(index), analysis);
    }

    [Fact]
    public void Describe_OverdueAction_NamesTheActionAndItsDueDay()
    {
        Describe("overdue-action", RedFlagWords.English).Message.ShouldBe("The action “Send the Baosteel case” was due on 2026-11-23 and is still open.");
        Describe("overdue-action", RedFlagWords.Chinese).Message.ShouldBe("行动“Send the Baosteel case”应在 2026年11月23日 完成，至今仍未完成。");
    }

    [Fact]
    public void Describe_NeedsNotLanded_CountsTheUnlandedLeaves()
    {
        Describe("needs-not-landed", RedFlagWords.English).Message.ShouldBe("Problems at the end of the needs tree that no solution of ours answers: 2.");
        Describe("needs-not-landed", RedFlagWords.Chinese).Message.ShouldBe("需求分析树末端没有落到我们解决方案上的问题：2 个。");
        Describe("needs-not-landed", RedFlagWords.Chinese).Action.ShouldStartWith("分析的落脚点必须是我们提供的产品");
    }

    [Fact]
    public void Describe_ObjectionFlags_QuoteTheObjection()
    {
        Describe("objection-unconfirmed", RedFlagWords.English).Message
            .ShouldBe("The objection “Price is 20% above budget” is not confirmed: we do not know for sure what it is or whose it is.");
        Describe("objection-unconfirmed", RedFlagWords.English, index: 1).Message.ShouldContain("“Too slow \"to go live\"”");
        Describe("objection-unproven", RedFlagWords.English).Message
            .ShouldBe("The objection “Too slow \"to go live\"” was answered without proof: a claim about our product, or no evidence at all.");
        Describe("objection-unproven", RedFlagWords.Chinese).Action.ShouldContain("客户成功案例或第三方数据");
    }

    [Fact]
    public void Describe_NeedsChecks_SpeakOfSelfCheckThreeOne()
    {
        Describe("needs-not-rooted", RedFlagWords.Chinese).Message.ShouldBe("需求分析树没有从客户的现状入手。");
        Describe("needs-not-decomposed", RedFlagWords.Chinese).Action.ShouldStartWith("把一个大问题分解到企业的各个层面");
        Describe("needs-not-decomposed", RedFlagWords.English).Message.ShouldContain("fewer than three");
    }

    [Fact]
    public void Describe_CallsAndTopOfficer_AskForAnAdvanceAndTheVito()
    {
        Describe("continuation-only", RedFlagWords.English).Action.ShouldStartWith("Plan the next call around an advance");
        Describe("continuation-only", RedFlagWords.Chinese).Message.ShouldBe("最近两次拜访都只是延续：销售还在继续，却没有向前推进。");
        Describe("no-top-officer", RedFlagWords.English).Action.ShouldContain("ROI, cash flow, productivity");
        Describe("no-top-officer", RedFlagWords.Chinese).Message.ShouldContain("VITO");
    }

    [Fact]
    public void Describe_NoNextStep_AsksToAgreeTheNextStep()
    {
        var analysis = AnalysisExamples.Version2WithoutNextStep();
        var flag = analysis.RedFlags.Single(f => f.Id == "no-next-step");

        RedFlagWords.English.Describe(flag, analysis).Message.ShouldBe("No next step: no open action and no call planned from today on.");
        RedFlagWords.Chinese.Describe(flag, analysis).Action.ShouldStartWith("现在就定下下一步");
    }
}
