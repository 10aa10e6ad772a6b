using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;

namespace KeySell.Application.Demo;

internal sealed record DemoColleague(string Key, string Name, string Title, string Email);

/// <summary>Dates are days before today, so the demo's "new player" and "stale" flags stay true whenever it is seeded.</summary>
internal sealed record DemoInfluence(
    string PersonKey, BuyingRoles Roles, InfluenceLevel Influence, int? Support, ContactLevel Contact, ResponseMode Mode,
    string? CounterpartKey, int? SinceDaysAgo, int? LastContactDaysAgo, string[] Wins, string[] Results);

internal sealed record DemoStrength(string Text, string[] Addresses);

internal sealed record DemoRedFlag(string Text, string? InfluenceKey);

internal sealed record DemoObjection(string? FromKey, string Text, ObjectionStatus Status);

internal sealed record DemoOpportunity(
    string AccountKey, string Name, string Product, decimal Quantity, decimal Amount, int CloseInDays,
    Engagement Engagement, FunnelLevel FunnelLevel, ExpectedOutcome? ExpectedOutcome,
    DemoInfluence[] Influences, DemoStrength[] Strengths, DemoRedFlag[] RedFlags, DemoObjection[] Objections)
{
    /// <summary>The deal's selling toolkit in <see cref="DemoToolkit"/>, or null for a deal without one (the won deal).</summary>
    public string? ToolkitKey { get; init; }
}

/// <summary>
/// Our own team and five deals, each showing one situation of the method: a textbook best-few
/// deal, a deal whose coach left, an economic buyer in even-keel mode, a late entry after the
/// tender, and a won deal.
/// </summary>
internal static class DemoOpportunities
{
    public const string SalesRep = "chen-ming";

    public static readonly DemoColleague[] Colleagues =
    [
        new(SalesRep, "陈明 Chen Ming", "高级客户经理 Senior Account Manager", "chen.ming@cloudrise.example.com"),
        new("zhao-qing", "赵晴 Zhao Qing", "销售副总裁 VP Sales", "zhao.qing@cloudrise.example.com"),
        new("sun-hao", "孙浩 Sun Hao", "解决方案工程师 Solution Engineer", "sun.hao@cloudrise.example.com"),
        new("zhou-li", "周立 Zhou Li", "首席执行官 CEO", "zhou.li@cloudrise.example.com"),
    ];

    private const BuyingRoles Coach = BuyingRoles.Coach;
    private const BuyingRoles User = BuyingRoles.User;
    private const BuyingRoles Technical = BuyingRoles.Technical;
    private const BuyingRoles Economic = BuyingRoles.Economic;

    public static readonly DemoOpportunity[] Opportunities =
    [
        // The textbook deal: boarded before the project existed, senior coach, receptive economic
        // buyer with our VP as counterpart, every role covered, nothing left open.
        new("ecs-group", "集团 ERP 统一平台 Group ERP consolidation",
            "云启 ERP 套件（财务+供应链）CloudRise ERP Suite, finance and supply chain", 1200, 8_600_000m, 60,
            Engagement.BeforeProject, FunnelLevel.BestFew, ExpectedOutcome.WinWin,
            [
                new("liu-fang", Coach, InfluenceLevel.High, 4, ContactLevel.Frequent, ResponseMode.Growth, "zhou-li", 180, 3,
                    ["被视为集团数字化转型的推动者 Seen as the driver of the group's digital transformation", "董事长的认可 Recognition from the chairman"],
                    ["IT 运维成本降低 20% IT running cost down 20%"]),
                new("li-wei", Economic, InfluenceLevel.High, 3, ContactLevel.Occasional, ResponseMode.Growth, "zhao-qing", 120, 12,
                    ["财务责任：按时、按预算交付 Financial responsibility: on time, within budget", "上市准备的功臣 Credited with IPO readiness"],
                    ["月结从 10 天缩短到 3 天 Month-end close from 10 days to 3", "投资回收期少于 24 个月 Payback within 24 months"]),
                new("zhao-lei", Technical, InfluenceLevel.Medium, 2, ContactLevel.Frequent, ResponseMode.Growth, "sun-hao", 110, 6,
                    ["成为新平台的技术权威 Becomes the in-house expert on the new platform"],
                    ["系统接口从 46 个减少到 12 个 Interfaces cut from 46 to 12"]),
                new("wu-min", User, InfluenceLevel.Medium, 3, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 90, 9,
                    ["工作更轻松，不再手工排产 Easier work: no more scheduling in spreadsheets"],
                    ["排产周期从 2 天缩短到 4 小时 Planning cycle from 2 days to 4 hours"]),
                new("ma-chao", User, InfluenceLevel.Low, 2, ContactLevel.Occasional, ResponseMode.Growth, "sun-hao", 75, 20,
                    ["学到新技能并获得认证 New skills and a platform certification"],
                    ["ERP 工单处理效率提高 30% ERP tickets handled 30% faster"]),
            ],
            [
                new("华东地区唯一拥有本地实施与支持中心的厂商 Only vendor with a local implementation and support centre in East China", ["coach-weak", "stale"]),
                new("集团内已有成功案例：华钢特钢冷轧模块可参观 Reference site inside the group: ECS Special Steel's cold-rolling module", ["technical-veto", "opponent"]),
                new("我方 CEO 周立与王建国董事长同在钢铁工业协会 Our CEO Zhou Li sits with Chairman Wang on the steel industry association", ["no-counterpart"]),
            ],
            [],
            [
                new("li-wei", "总价比今年预算高 15% Total price is 15% above this year's budget", ObjectionStatus.Resolved),
                new("zhao-lei", "担心与现有 MES 的接口工作量 Worried about the interface effort with the existing MES", ObjectionStatus.Resolved),
            ]) { ToolkitKey = "ecs-group" },

        // The coach left the company: the strongest supporter is gone, a newcomer runs the evaluation.
        new("ecs-special", "冷轧 MES 升级 Cold-rolling MES upgrade",
            "云启 MES 制造执行系统 CloudRise MES", 1, 2_400_000m, 120,
            Engagement.AfterProject, FunnelLevel.In, ExpectedOutcome.WinWin,
            [
                new("qian-lixin", Coach, InfluenceLevel.High, 4, ContactLevel.Frequent, ResponseMode.Growth, SalesRep, 240, 45,
                    ["被视为冷轧厂现代化的推动者 Recognised as the mill's moderniser"],
                    ["设备综合效率提升 8 个百分点 OEE up 8 points"]),
                new("zhang-guohua", Economic, InfluenceLevel.High, 1, ContactLevel.Occasional, ResponseMode.Growth, "zhao-qing", 150, 25,
                    ["完成集团下达的降本指标 Meets the cost-down target set by the group"],
                    ["吨钢加工成本降低 3% Processing cost per tonne down 3%"]),
                new("deng-wei", Technical, InfluenceLevel.High, null, ContactLevel.Occasional, ResponseMode.Unknown, "sun-hao", 20, 20,
                    [], []),
                new("han-mei", User, InfluenceLevel.Medium, 3, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 140, 8,
                    ["不再半夜被叫去抢修 No more night-time breakdown call-outs"],
                    ["非计划停机减少 25% Unplanned downtime down 25%"]),
                new("cao-yong", User, InfluenceLevel.Low, 1, ContactLevel.Occasional, ResponseMode.Growth, "sun-hao", 100, 30,
                    ["汽车客户审核一次通过 Passes automotive customer audits first time"],
                    ["每卷钢可追溯 Traceability for every coil"]),
            ],
            [
                new("冷轧模块在集团内已验证 Cold-rolling module proven inside the group", ["coach-gone", "technical-veto"]),
            ],
            [
                new("钱立新离职后，技术评估由新任代理总监邓伟主导 Since Qian Lixin left, acting director Deng Wei leads the technical evaluation", "deng-wei"),
                new("竞争对手正在接触生产副总杨帆 A competitor is courting Deputy GM Yang Fan", null),
            ],
            [
                new("deng-wei", "需要证明与现有 PLC 兼容 Wants proof of compatibility with the existing PLCs", ObjectionStatus.Open),
            ]) { ToolkitKey = "ecs-special" },

        // The economic buyer is in even-keel mode: today's reality matches what he wants.
        new("jiangnan-auto", "供应商协同门户 Supplier collaboration portal",
            "云启供应商协同平台 CloudRise Supplier Portal", 300, 1_500_000m, 150,
            Engagement.BeforeProject, FunnelLevel.Above, ExpectedOutcome.WinWin,
            [
                new("jiang-wen", Economic, InfluenceLevel.High, 0, ContactLevel.Occasional, ResponseMode.EvenKeel, "zhao-qing", 60, 35,
                    ["供应链平稳，退休前不冒风险 A stable supply chain and no risky change before retirement"],
                    ["供应商准时交付率保持 98% On-time supplier delivery kept at 98%"]),
                new("xu-na", Coach, InfluenceLevel.Medium, 3, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 70, 5,
                    ["成为解决来料质量问题的人 Seen as the one who fixed incoming quality"],
                    ["来料不良率从 1.2% 降到 0.5% Incoming defect rate from 1.2% to 0.5%"]),
                new("zhu-lei", Technical, InfluenceLevel.Medium, 1, ContactLevel.Occasional, ResponseMode.EvenKeel, "sun-hao", 60, 30,
                    ["与 SAP 集成不写定制代码 SAP integration without custom code"],
                    ["EDI 报文错误减少一半 Half the EDI message errors"]),
                new("qin-yue", User, InfluenceLevel.Low, 2, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 50, 5,
                    ["不用每天打电话催货 No more daily phone-chasing of suppliers"],
                    ["交付异常处理时间缩短 50% Delivery exceptions handled in half the time"]),
            ],
            [
                new("许娜的来料质量数据能说明现有门户的代价 Xu Na's incoming-quality data shows what the current portal costs", ["unreceptive-economic-buyer"]),
            ],
            [
                new("蒋文明年可能退休，继任者未知 Jiang Wen may retire next year; successor unknown", "jiang-wen"),
            ],
            [
                new("jiang-wen", "现有门户还能用，为什么要换？ The current portal works; why change?", ObjectionStatus.Open),
            ]) { ToolkitKey = "jiangnan-auto" },

        // A late entry: the tender is already published, written around a competitor.
        new("ecs-logistics", "物流园仓储管理系统招标 Logistics park WMS tender",
            "云启 WMS 仓储管理系统 CloudRise WMS", 4, 3_200_000m, 30,
            Engagement.AfterTender, FunnelLevel.In, ExpectedOutcome.WinWin,
            [
                new("luo-bin", Economic, InfluenceLevel.High, 0, ContactLevel.Occasional, ResponseMode.Trouble, "zhao-qing", 21, 14,
                    ["旺季前解决爆仓，站稳新岗位 Solves peak-season overflow and secures his new job"],
                    ["订单出库时效从 48 小时缩短到 24 小时 Dispatch time from 48 to 24 hours"]),
                new("song-tao", Technical, InfluenceLevel.High, -2, ContactLevel.Occasional, ResponseMode.EvenKeel, "sun-hao", 21, 14,
                    ["按他写的规格书执行 His specification is followed"],
                    []),
                new("tang-lihua", User, InfluenceLevel.Medium, 2, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 18, 4,
                    ["旺季不再加班到凌晨 No more peak-season nights until dawn"],
                    ["拣货差错率降低 60% Picking errors down 60%"]),
                new("feng-xue", BuyingRoles.None, InfluenceLevel.Medium, null, ContactLevel.None, ResponseMode.Unknown, null, 21, null,
                    [], []),
                new("bai-yu", Coach, InfluenceLevel.Low, 3, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 15, 2,
                    ["升任仓库经理 Promotion to warehouse manager"],
                    []),
            ],
            [
                new("两周内可在一个仓库上线试点 Can pilot in one warehouse within two weeks", ["late-entry", "technical-veto"]),
            ],
            [
                new("招标规格书明显按竞争对手产品编写 The tender specification was written around a competitor's product", "song-tao"),
            ],
            [
                new("song-tao", "不满足规格书第 4.2 条 RF 手持终端要求 Does not meet spec clause 4.2 on RF handhelds", ObjectionStatus.Open),
                new("tang-lihua", "上线能否避开旺季？ Can go-live avoid the peak season?", ObjectionStatus.Deferred),
            ]) { ToolkitKey = "ecs-logistics" },

        // A won deal, so the funnel shows a result as well as work in progress.
        new("ecs-logistics", "运输调度系统 Transport dispatch system",
            "云启 TMS 运输管理系统 CloudRise TMS", 1, 900_000m, -40,
            Engagement.BeforeProject, FunnelLevel.Won, ExpectedOutcome.WinWin,
            [
                new("luo-bin", Economic, InfluenceLevel.High, 3, ContactLevel.Occasional, ResponseMode.Growth, "zhao-qing", 200, 14,
                    ["上任第一年就有看得见的成绩 A visible success in his first year"],
                    ["车辆空驶率从 30% 降到 18% Empty truck runs from 30% to 18%"]),
                new("tang-lihua", Coach | User, InfluenceLevel.Medium, 4, ContactLevel.Frequent, ResponseMode.Trouble, SalesRep, 200, 4,
                    ["被认可为项目成功的关键 Recognised as the key to the project's success"],
                    ["装车等待时间减少 40% Loading wait time down 40%"]),
                new("song-tao", Technical, InfluenceLevel.Medium, 1, ContactLevel.Occasional, ResponseMode.EvenKeel, "sun-hao", 200, 60,
                    ["系统稳定，他不用背锅 A stable system he never has to answer for"],
                    ["系统可用率 99.9% 99.9% availability"]),
            ],
            [
                new("与华信数据联合交付，本地团队 Joint delivery with Huaxin Data, a local team", ["technical-veto"]),
            ],
            [],
            []),
    ];
}
