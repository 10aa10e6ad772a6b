using KeySell.Domain.Accounts;
using KeySell.Domain.OrgCharts;

namespace KeySell.Application.Demo;

internal sealed record DemoAccount(
    string Key, string Name, string Industry, string Size, string Region, string? ParentKey, string EmailDomain);

/// <summary>How the team rates a demo account on one default ideal-customer criterion (its key), with the seller's note.</summary>
internal sealed record DemoRating(string AccountKey, string CriterionKey, int? Rating, string? Note = null);

internal sealed record DemoRelation(string AccountKey, string RelatedAccountKey, RelationType Type);

internal sealed record DemoDepartment(string AccountKey, string Key, string Name, string? ParentKey = null);

/// <param name="Key">The romanized name as a slug; it doubles as the influence key on the demo sheets.</param>
internal sealed record DemoPerson(
    string AccountKey, string Key, string Name, string Title, string? DepartmentKey, string? ReportsToKey,
    string Responsibilities, string Preferences, PersonStatus Status = PersonStatus.Active, string? Phone = null);

/// <summary>
/// The demo's companies: a steel group with two subsidiaries, its upstream supplier, its
/// downstream customer and an integration partner, each with a real org chart.
/// </summary>
internal static class DemoAccounts
{
    /// <summary>
    /// The demo's fit: the steel group is the ideal customer, the ore group a prospect to prune
    /// (below the threshold 0, so its deal shows poor-fit), the data company not rated yet.
    /// </summary>
    public static readonly DemoRating[] Ratings =
    [
        new("ecs-group", "industry-fit", 5, "钢铁是我们案例最多的行业 Steel is where most of our references are"),
        new("ecs-group", "size", 4),
        new("ecs-group", "budget", 3, "2027 年数字化预算已批 Digital budget for 2027 approved"),
        new("ecs-group", "culture", 3),
        new("ecs-group", "openness-to-change", 3),
        new("ecs-special", "industry-fit", 4),
        new("ecs-special", "size", 2),
        new("ecs-special", "budget", 2),
        new("ecs-special", "culture", 1),
        new("ecs-special", "openness-to-change", 1, "工厂管理层偏保守 Plant management is conservative"),
        new("ecs-logistics", "industry-fit", 0, "物流不是我们的核心行业 Logistics is not our core industry"),
        new("ecs-logistics", "size", 2),
        new("ecs-logistics", "budget", 1),
        new("ecs-logistics", "culture", 1),
        new("ecs-logistics", "openness-to-change", 1),
        new("jiangnan-auto", "industry-fit", 3),
        new("jiangnan-auto", "size", 3),
        new("jiangnan-auto", "budget", 2),
        new("jiangnan-auto", "culture", 2),
        new("jiangnan-auto", "openness-to-change", 3, "新任 CIO 推动数字化 New CIO drives digitalisation"),
        new("china-ore", "industry-fit", -2, "矿业项目多为定制，回款慢 Mining projects are custom and pay late"),
        new("china-ore", "size", 3),
        new("china-ore", "budget", -1),
        new("china-ore", "culture", -2, "只看价格 Buys on price alone"),
        new("china-ore", "openness-to-change", -3),
        new("huaxin-data", "culture", null, "下次拜访时了解 Ask at the next visit"),
    ];

    public static readonly DemoAccount[] Accounts =
    [
        new("ecs-group", "华东钢铁集团 East China Steel Group", "钢铁 Steel", "38,000 employees", "上海 Shanghai", null, "ecsteel.example.cn"),
        new("ecs-special", "华钢特种钢材有限公司 ECS Special Steel Co., Ltd.", "特钢 Special steel", "4,200 employees", "江苏无锡 Wuxi, Jiangsu", "ecs-group", "ecs-special.example.cn"),
        new("ecs-logistics", "华钢物流有限公司 ECS Logistics Co., Ltd.", "物流 Logistics", "1,600 employees", "上海宝山 Baoshan, Shanghai", "ecs-group", "ecs-logistics.example.cn"),
        new("jiangnan-auto", "江南汽车制造股份有限公司 Jiangnan Auto Manufacturing Co.", "汽车 Automotive", "12,500 employees", "浙江宁波 Ningbo, Zhejiang", null, "jiangnan-auto.example.cn"),
        new("china-ore", "中矿资源集团 China Ore Resources Group", "矿业 Mining", "21,000 employees", "安徽马鞍山 Ma'anshan, Anhui", null, "china-ore.example.cn"),
        new("huaxin-data", "华信数据科技 Huaxin Data Technology", "IT 服务 IT services", "650 employees", "上海 Shanghai", null, "huaxin-data.example.cn"),
    ];

    public static readonly DemoRelation[] Relations =
    [
        new("ecs-group", "china-ore", RelationType.Upstream),
        new("ecs-group", "jiangnan-auto", RelationType.Downstream),
        new("ecs-group", "huaxin-data", RelationType.Partner),
    ];

    public static readonly DemoDepartment[] Departments =
    [
        new("ecs-group", "exec", "总裁办 Executive Office"),
        new("ecs-group", "finance", "财务部 Finance"),
        new("ecs-group", "it", "信息技术部 Information Technology"),
        new("ecs-group", "architecture", "企业架构处 Enterprise Architecture", "it"),
        new("ecs-group", "operations", "生产运营部 Production Operations"),
        new("ecs-group", "procurement", "采购部 Procurement"),
        new("ecs-group", "strategy", "战略发展部 Strategy & Development"),
        new("ecs-special", "gm-office", "总经理办公室 General Manager's Office"),
        new("ecs-special", "cold-rolling", "冷轧厂 Cold-Rolling Mill"),
        new("ecs-special", "equipment", "设备自动化部 Equipment & Automation"),
        new("ecs-special", "quality", "质量部 Quality"),
        new("ecs-logistics", "gm-office", "总经理办公室 General Manager's Office"),
        new("ecs-logistics", "warehousing", "仓储部 Warehousing"),
        new("ecs-logistics", "it", "信息部 IT"),
        new("ecs-logistics", "tender", "招标办 Tender Office"),
        new("jiangnan-auto", "exec", "总裁办 Executive Office"),
        new("jiangnan-auto", "supply-chain", "供应链管理部 Supply Chain Management"),
        new("jiangnan-auto", "supplier-quality", "供应商质量部 Supplier Quality", "supply-chain"),
        new("jiangnan-auto", "it", "信息技术部 IT"),
    ];

    // Managers come before their reports, so every reports-to refers to someone already listed.
    public static readonly DemoPerson[] People =
    [
        // 华东钢铁集团: chairman → VPs → directors → managers.
        new("ecs-group", "wang-jianguo", "王建国 Wang Jianguo", "董事长兼总裁 Chairman & CEO", "exec", null,
            "Sets group strategy; chairs the investment committee that approves projects above CNY 20 m.",
            "Ex-army, punctual, wants one-page summaries. Proud of the group's 60-year history; plays go (围棋) on weekends.", Phone: "+86 21 5080 1001"),
        new("ecs-group", "li-wei", "李伟 Li Wei", "首席财务官 CFO", "finance", "wang-jianguo",
            "Finance, treasury and the group's IPO readiness for the special-steel business; signs off every IT budget.",
            "Numbers first: wants ROI and cash-flow profile, not features. Former Big Four auditor. Prefers meetings before 10:00.", Phone: "+86 21 5080 1010"),
        new("ecs-group", "chen-zhiqiang", "陈志强 Chen Zhiqiang", "运营副总裁 VP Operations", "operations", "wang-jianguo",
            "All 7 mills' production, safety and energy targets.",
            "Engineer by training; visits a mill every week. Trusts people who have been on the shop floor."),
        new("ecs-group", "liu-fang", "刘芳 Liu Fang", "首席信息官 CIO", "it", "wang-jianguo",
            "Group IT and the 2027 digital-transformation programme; member of the investment committee.",
            "Wants to be seen as the one who modernised the group. Likes reference visits and industry forums; speaks good English."),
        new("ecs-group", "zhou-haitao", "周海涛 Zhou Haitao", "采购副总裁 VP Procurement", "procurement", "wang-jianguo",
            "Group procurement policy, tenders above CNY 5 m, supplier framework agreements.",
            "Cautious, process-minded; insists every tender follows the book."),
        new("ecs-group", "xu-ming", "徐明 Xu Ming", "战略发展总监 Director of Strategy", "strategy", "wang-jianguo",
            "Five-year plan, M&A screening, the chairman's speeches.",
            "Reads every analyst report; good source on the group's priorities."),
        new("ecs-group", "sun-li", "孙丽 Sun Li", "财务总监 Finance Director", "finance", "li-wei",
            "Group accounting, consolidation and month-end close (currently 10 working days).",
            "Overworked at every month end; values anything that gives her team evenings back."),
        new("ecs-group", "zhao-lei", "赵磊 Zhao Lei", "企业架构总监 Director of Enterprise Architecture", "architecture", "liu-fang",
            "Technical standards, integration architecture, vendor technical evaluation.",
            "Detail-oriented, reads API docs himself; dislikes slideware. Wants to become the group's recognised platform expert."),
        new("ecs-group", "zheng-hao", "郑浩 Zheng Hao", "IT 基础设施总监 Director of IT Infrastructure", "it", "liu-fang",
            "Data centres, network, the private cloud and cybersecurity (等保三级 compliance).",
            "Security first; will ask for penetration-test reports."),
        new("ecs-group", "wu-min", "吴敏 Wu Min", "生产计划总监 Director of Production Planning", "operations", "chen-zhiqiang",
            "Monthly and weekly production plans across the mills; order promising to key customers.",
            "Plans in Excel today and knows its limits; practical, wants results she can show her VP."),
        new("ecs-group", "huang-jing", "黄静 Huang Jing", "采购总监 Director of Procurement", "procurement", "zhou-haitao",
            "Runs the tender process for IT and equipment purchases.",
            "Formal; every contact should go through the official channel."),
        new("ecs-group", "ma-chao", "马超 Ma Chao", "ERP 应用经理 ERP Applications Manager", "architecture", "zhao-lei",
            "Runs the legacy ERP and its 46 interfaces; first-line support for finance and planning users.",
            "Young and ambitious; wants certification on a modern platform."),
        new("ecs-group", "lin-xiao", "林晓 Lin Xiao", "会计经理 Accounting Manager", "finance", "sun-li",
            "General ledger and intercompany reconciliation.",
            "Precise; prefers written answers to calls."),
        new("ecs-group", "he-jun", "何军 He Jun", "排产经理 Production Scheduling Manager", "operations", "wu-min",
            "Daily scheduling of the hot- and cold-rolling lines.",
            "Night-shift veteran; respects vendors who come to the mill at 6 a.m."),
        new("ecs-group", "gao-jie", "高洁 Gao Jie", "寻源经理 Sourcing Manager", "procurement", "huang-jing",
            "Supplier qualification and price benchmarking.",
            "Asks for three quotes on everything."),

        // 华钢特种钢材: GM → deputy GM → directors and mill managers.
        new("ecs-special", "zhang-guohua", "张国华 Zhang Guohua", "总经理 General Manager", "gm-office", null,
            "P&L of the special-steel subsidiary; reports to the group's VP Operations.",
            "Under pressure from the group to cut processing cost 3% this year; decisive once convinced.", Phone: "+86 510 8820 2001"),
        new("ecs-special", "yang-fan", "杨帆 Yang Fan", "生产副总经理 Deputy GM, Production", "gm-office", "zhang-guohua",
            "Production, equipment and quality of the two rolling mills.",
            "Golf on Saturdays; a competitor's account team is close to him."),
        new("ecs-special", "qian-lixin", "钱立新 Qian Lixin", "原设备自动化总监 Former Director of Equipment & Automation", "equipment", "yang-fan",
            "Led the MES evaluation until he left six weeks ago for a job in Shenzhen.",
            "Was our strongest supporter; still answers WeChat but no longer has inside information.", PersonStatus.LeftCompany),
        new("ecs-special", "deng-wei", "邓伟 Deng Wei", "设备自动化代理总监 Acting Director of Equipment & Automation", "equipment", "yang-fan",
            "Took over the MES evaluation from Qian Lixin three weeks ago.",
            "Unknown to us so far; came from the group's Wuhan mill, where a competitor's MES runs."),
        new("ecs-special", "han-mei", "韩梅 Han Mei", "冷轧厂厂长 Cold-Rolling Mill Manager", "cold-rolling", "yang-fan",
            "Output, yield and downtime of the cold-rolling mill.",
            "Hands-on; tired of night-shift breakdown call-outs. Likes concrete numbers from other mills."),
        new("ecs-special", "cao-yong", "曹勇 Cao Yong", "质量经理 Quality Manager", "quality", "yang-fan",
            "Quality control, customer complaints and certification (IATF 16949).",
            "Wants traceability per coil for automotive customers."),

        // 华钢物流: GM → directors → supervisors.
        new("ecs-logistics", "luo-bin", "罗斌 Luo Bin", "总经理 General Manager", "gm-office", null,
            "Runs the logistics subsidiary: four warehouses and the group's outbound transport.",
            "New in the job since summer; under pressure after last year's peak-season overflow."),
        new("ecs-logistics", "song-tao", "宋涛 Song Tao", "信息部经理 IT Manager", "it", "luo-bin",
            "Wrote the WMS tender specification; runs the technical evaluation.",
            "Long relationship with a competitor; defensive about his specification."),
        new("ecs-logistics", "tang-lihua", "唐丽华 Tang Lihua", "仓储总监 Director of Warehousing", "warehousing", "luo-bin",
            "Day-to-day operation of the four warehouses, 380 staff.",
            "Works until midnight in peak season; wants fewer picking errors and shorter nights."),
        new("ecs-logistics", "feng-xue", "冯雪 Feng Xue", "招标办主任 Head of the Tender Office", "tender", "luo-bin",
            "Owns the tender timetable, scoring sheet and the bid-opening committee.",
            "Not met yet; all contact has been through the tender portal."),
        new("ecs-logistics", "bai-yu", "白宇 Bai Yu", "仓库主管 Warehouse Supervisor", "warehousing", "tang-lihua",
            "Supervises the Baoshan central warehouse shifts.",
            "Helpful and talkative; hopes to be promoted to warehouse manager."),

        // 江南汽车: president → VPs → directors → managers.
        new("jiangnan-auto", "shen-zhiyuan", "沈志远 Shen Zhiyuan", "总裁 President", "exec", null,
            "Company strategy; the EV platform launch in 2027.",
            "Former engineer; visible at industry events."),
        new("jiangnan-auto", "jiang-wen", "蒋文 Jiang Wen", "供应链副总裁 VP Supply Chain", "supply-chain", "shen-zhiyuan",
            "Purchasing, supplier management and inbound logistics; approves supply-chain IT budgets.",
            "Satisfied with today's supplier portal (98% on-time delivery); avoids risk two years before retirement."),
        new("jiangnan-auto", "zhu-lei", "朱磊 Zhu Lei", "IT 总监 IT Director", "it", "shen-zhiyuan",
            "SAP landscape, supplier EDI and plant systems.",
            "Standardises on SAP; any new system must integrate without custom code."),
        new("jiangnan-auto", "xu-na", "许娜 Xu Na", "供应商质量总监 Director of Supplier Quality", "supplier-quality", "jiang-wen",
            "Incoming quality of 300 suppliers, including the steel from East China Steel.",
            "Collects defect data carefully; frustrated that the portal cannot trace a defect to a steel coil."),
        new("jiangnan-auto", "qin-yue", "秦月 Qin Yue", "供应商协同经理 Supplier Collaboration Manager", "supply-chain", "xu-na",
            "Chases late deliveries and quality exceptions with suppliers.",
            "Spends hours a day on the phone with suppliers; quick to adopt new tools."),

        // 华信数据科技: our integration partner.
        new("huaxin-data", "lu-yang", "陆洋 Lu Yang", "总经理 General Manager", null, null,
            "Systems integrator for steel and logistics customers in East China.",
            "Partner since 2023; co-sells our ERP at East China Steel."),
    ];
}
