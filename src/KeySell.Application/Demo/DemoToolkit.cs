using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Process;

namespace KeySell.Application.Demo;

internal sealed record DemoMilestone(Milestone Id, int DaysAgo, string Evidence);

/// <summary><see cref="InDays"/>: the call's day from today (negative: held in the past).</summary>
internal sealed record DemoCall(
    string Key, int InDays, string[] With, CallStatus Status, string Commitment, (SpinType Type, string Text)[] Questions,
    CallOutcome? Outcome = null, string? Notes = null);

internal sealed record DemoAction(string Key, string Text, string? OwnerKey, int? DueInDays, ActionStatus Status, string? InfluenceKey, string[] Addresses);

internal sealed record DemoNeed(NeedLayer? Layer, string Problem, string? Solution, DemoNeed[] Children);

/// <summary>An informal line: <see cref="From"/> listens to <see cref="To"/> (influence keys on a deal, person keys on an account).</summary>
internal sealed record DemoLine(string From, string To, LineStrength Strength, string Note);

internal sealed record DemoSwot(string[] Strengths, string[] Weaknesses, string[] Opportunities, string[] Threats);

/// <summary>
/// The selling toolkit of the demo deals (sheet version 2): the textbook deal keeps its process, calls, action plan,
/// needs tree and SWOT in order — still no red flag; the MES deal's calls keep it alive without moving it
/// (continuation-only) and one action is overdue; the portal deal has no next step at all (no-next-step); the tender's
/// needs tree is only begun, so the three checks of self-check 3-1 show what is missing.
/// </summary>
internal static class DemoToolkit
{
    /// <summary>Who sits how high; the top officer (VITO) owns the result of the projects at that company.</summary>
    public static readonly Dictionary<(string Account, string Person), Seniority> Seniorities = new()
    {
        [("ecs-group", "wang-jianguo")] = Seniority.TopOfficer,
        [("ecs-group", "li-wei")] = Seniority.TopOfficer,
        [("ecs-group", "chen-zhiqiang")] = Seniority.Executive,
        [("ecs-group", "liu-fang")] = Seniority.Executive,
        [("ecs-group", "zhou-haitao")] = Seniority.Executive,
        [("ecs-group", "zhao-lei")] = Seniority.Manager,
        [("ecs-group", "wu-min")] = Seniority.Manager,
        [("ecs-group", "ma-chao")] = Seniority.Staff,
        [("ecs-special", "zhang-guohua")] = Seniority.TopOfficer,
        [("ecs-special", "yang-fan")] = Seniority.Executive,
        [("ecs-special", "deng-wei")] = Seniority.Manager,
        [("ecs-special", "han-mei")] = Seniority.Manager,
        [("ecs-special", "cao-yong")] = Seniority.Staff,
        [("ecs-logistics", "luo-bin")] = Seniority.TopOfficer,
        [("ecs-logistics", "song-tao")] = Seniority.Manager,
        [("ecs-logistics", "tang-lihua")] = Seniority.Manager,
        [("ecs-logistics", "feng-xue")] = Seniority.Manager,
        [("ecs-logistics", "bai-yu")] = Seniority.Staff,
        [("jiangnan-auto", "shen-zhiyuan")] = Seniority.TopOfficer,
        [("jiangnan-auto", "jiang-wen")] = Seniority.Executive,
        [("jiangnan-auto", "zhu-lei")] = Seniority.Manager,
        [("jiangnan-auto", "xu-na")] = Seniority.Manager,
        [("jiangnan-auto", "qin-yue")] = Seniority.Staff,
    };

    /// <summary>The won deal, which has no toolkit, was set up long before it closed.</summary>
    public const int CreatedDaysAgoWithoutToolkit = 150;

    /// <summary>
    /// The days between setting the deal up and today. The toolkit's tables are keyed by the deal's
    /// <see cref="DemoOpportunity.ToolkitKey"/> (its account's key: one toolkit per account, though the logistics
    /// company has a second, won deal without one).
    /// </summary>
    public static readonly Dictionary<string, int> CreatedDaysAgo = new()
    {
        ["ecs-group"] = 200, ["ecs-special"] = 260, ["jiangnan-auto"] = 75, ["ecs-logistics"] = 22,
    };

    public static readonly Dictionary<string, DemoMilestone[]> Milestones = new()
    {
        ["ecs-group"] =
        [
            new(Milestone.ConfirmOpportunity, 190, "2027 年数字化预算中列有 ERP 整合 ERP consolidation is a line of the 2027 digital budget"),
            new(Milestone.PreCallResearch, 182, "SWOT 与购买影响者分析已完成 SWOT and buying-influence analysis done"),
            new(Milestone.DiscoverPain, 150, "月结 10 天，九家子公司口径不一 Month-end close takes 10 days; nine subsidiaries report differently"),
            new(Milestone.NeedsAnalysis, 120, "需求树经刘芳确认 Needs tree confirmed with Liu Fang"),
            new(Milestone.EvaluatePlan, 95, "试点计划经李伟认可 Pilot plan accepted by Li Wei"),
            new(Milestone.SummarizeProblems, 70, "问题清单已发客户 Problem summary sent to the customer"),
            new(Milestone.FindEvidence, 48, "华钢特钢冷轧模块参观 Site visit to ECS Special Steel's cold-rolling module"),
            new(Milestone.RefineProposal, 30, "方案聚焦财务与供应链 Proposal focused on finance and supply chain"),
            new(Milestone.DefineSuccessCriteria, 18, "成功标准：月结 3 天、24 个月回收 Success: 3-day close, payback within 24 months"),
        ],
        ["ecs-special"] =
        [
            new(Milestone.ConfirmOpportunity, 250, "MES 升级列入冷轧厂技改计划 MES upgrade is in the mill's modernisation plan"),
            new(Milestone.PreCallResearch, 240, "钱立新提供了设备清单 Qian Lixin shared the equipment list"),
        ],
    };

    public static readonly Dictionary<string, DemoCall[]> Calls = new()
    {
        ["ecs-group"] =
        [
            new("c1", -40, ["li-wei"], CallStatus.Done, "李伟同意在一家子公司试点 Li Wei agrees to a pilot in one subsidiary",
                [(SpinType.Situation, "今天月结是怎样完成的？ How is month-end closed today?"),
                 (SpinType.Implication, "月结慢对上市准备意味着什么？ What does a slow close mean for IPO readiness?")],
                CallOutcome.Advance, "试点定在华钢特钢 Pilot set at ECS Special Steel"),
            new("c2", -12, ["li-wei", "liu-fang"], CallStatus.Done, "确认成功标准并签字 Success criteria confirmed and signed",
                [(SpinType.NeedPayoff, "月结缩短到 3 天，对集团价值多大？ What is a 3-day close worth to the group?")],
                CallOutcome.Advance, "成功标准已签字 Success criteria signed"),
            new("c3", 5, ["li-wei"], CallStatus.Planned, "李伟同意提交董事会审批 Li Wei takes the proposal to the board",
                [(SpinType.NeedPayoff, "投资回收期少于 24 个月，董事会还需要看到什么？ With payback under 24 months, what else must the board see?")]),
        ],
        ["ecs-special"] =
        [
            new("c1", -45, ["zhang-guohua"], CallStatus.Done, "张国华同意安排技术交流 Zhang Guohua agrees to a technical workshop",
                [(SpinType.Problem, "冷轧线停机主要卡在哪里？ Where does the cold-rolling line lose time?")],
                CallOutcome.Continuation, "他说再看看 He said he would think about it"),
            new("c2", -25, ["zhang-guohua", "deng-wei"], CallStatus.Done, "邓伟同意给出 PLC 清单 Deng Wei agrees to send the PLC list",
                [(SpinType.Situation, "现有 PLC 是哪些型号？ Which PLC models run today?")],
                CallOutcome.Continuation, "下次再谈 To be continued"),
        ],
    };

    public static readonly Dictionary<string, DemoAction[]> Actions = new()
    {
        ["ecs-group"] =
        [
            new("a1", "把 ROI 模型发给李伟，供董事会使用 Send Li Wei the ROI model for the board", "zhao-qing", 3, ActionStatus.Open, "li-wei", []),
            new("a2", "组织华钢特钢参观 Organise the ECS Special Steel site visit", DemoOpportunities.SalesRep, -50, ActionStatus.Done, "zhao-lei", ["technical-veto"]),
        ],
        ["ecs-special"] =
        [
            new("a1", "向邓伟要 PLC 清单并安排兼容性测试 Get the PLC list from Deng Wei and book a compatibility test", "sun-hao", -5, ActionStatus.Open, "deng-wei", ["open-objection"]),
        ],
        ["ecs-logistics"] =
        [
            new("a1", "提交招标澄清问题 Submit the tender clarification questions", DemoOpportunities.SalesRep, 2, ActionStatus.Open, "feng-xue", ["late-entry"]),
        ],
    };

    public static readonly Dictionary<string, (string? CurrentState, DemoNeed[] Branches)> Needs = new()
    {
        ["ecs-group"] = ("九家子公司各用一套系统，月结需要 10 天 Nine subsidiaries on nine systems; month-end close takes 10 days",
        [
            new(NeedLayer.Finance, "现金被慢开票占用 Cash tied up by slow invoicing", null,
            [
                new(null, "发票等待人工三单匹配 Invoices wait for manual three-way matching", "自动三单匹配 Automatic three-way matching", []),
            ]),
            new(NeedLayer.Process, "子公司流程不统一 Subsidiaries run different processes", "集团统一流程模板 One group process template", []),
            new(NeedLayer.Management, "管理层看不到实时经营数据 Management cannot see live figures", "集团经营驾驶舱 Group management cockpit", []),
        ]),
        ["ecs-logistics"] = (null,
        [
            new(NeedLayer.Process, "库位利用率低 Low storage-location utilisation", null, []),
        ]),
    };

    public static readonly Dictionary<string, DemoSwot> Swots = new()
    {
        ["ecs-group"] = new(
            ["华东唯一本地实施中心 Only local implementation centre in East China", "集团内已有成功案例 A reference inside the group"],
            ["制造执行经验少于对手 Less MES experience than the incumbent"],
            ["集团筹备上市 The group prepares an IPO"],
            ["现有供应商降价 20% The incumbent cut its price by 20%"]),
    };

    /// <summary>
    /// Who listens to whom outside the reporting lines, so the relationship map shows who really decides: at the group the CFO
    /// (economic buyer) checks every IT investment with the CIO, our coach; at the special-steel mill the GM trusts only the
    /// mill manager's downtime figures, and she reports to him through a deputy GM who is not on the deal (a dashed line).
    /// </summary>
    public static readonly Dictionary<string, DemoLine[]> InfluenceLines = new()
    {
        ["ecs-group"] =
        [
            new("li-wei", "liu-fang", LineStrength.Strong, "李伟做任何 IT 投资决定前都先问刘芳 Li Wei checks every IT investment with Liu Fang"),
            new("zhao-lei", "wu-min", LineStrength.Medium, "排产需求以吴敏的意见为准 Zhao Lei takes Wu Min's word on scheduling needs"),
            new("ma-chao", "wu-min", LineStrength.Weak, "同在 ERP 项目组 On the same ERP project team"),
        ],
        ["ecs-special"] =
        [
            new("zhang-guohua", "han-mei", LineStrength.Strong, "张总只信韩梅的停机数字 The GM trusts only Han Mei's downtime figures"),
            new("deng-wei", "han-mei", LineStrength.Medium, "兼容性测试要在她的产线上做 The compatibility test runs on her mill"),
        ],
    };

    /// <summary>Lines between people of an account who are on no deal, kept by the account (its relationship map).</summary>
    public static readonly Dictionary<string, DemoLine[]> PersonLines = new()
    {
        ["ecs-group"] =
        [
            new("wang-jianguo", "xu-ming", LineStrength.Strong, "董事长的战略参谋 The chairman's sounding board on strategy"),
            new("zhou-haitao", "sun-li", LineStrength.Medium, "采购预算须经孙丽 Procurement budgets go through Sun Li"),
        ],
    };

    /// <summary>The account's own SWOT, on the account page.</summary>
    public static readonly Dictionary<string, DemoSwot> AccountSwots = new()
    {
        ["ecs-group"] = new(
            ["行业龙头，预算充足 Industry leader with budget"],
            ["子公司各自为政 Subsidiaries act alone"],
            ["数字化转型列入五年规划 Digital transformation in the five-year plan"],
            ["钢价下行压缩投资 Falling steel prices squeeze investment"]),
    };
}
