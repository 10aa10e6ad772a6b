using KeySell.Domain.Needs;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Learning;

/// <summary>
/// Self-check 3-1: needs-analysis trees to judge by the course's three questions — does the tree start from the
/// customer's current state, is the problem broken down across the company's layers, does every branch land on what we
/// offer. The bank holds trees that pass and fail each question; the engine's <see cref="NeedsChecks"/> is the answer,
/// so the exercise and the red flags can never disagree.
/// </summary>
public static class NeedsTreeBank
{
    /// <summary>One text in both languages.</summary>
    public sealed record Words(string English, string Chinese)
    {
        public string In(bool chinese) => chinese ? Chinese : English;
    }

    public sealed record Node(NeedLayer? Layer, Words Problem, Words? Solution, IReadOnlyList<Node> Children);

    public sealed record Exercise(string Id, Words Title, Words? CurrentState, IReadOnlyList<Node> Branches)
    {
        /// <summary>The tree as the sheet holds it, in one language.</summary>
        public SheetNeeds Tree(bool chinese) => new(CurrentState?.In(chinese), Branches.Select(b => Map(b, chinese)).ToList());

        /// <summary>What the engine says of the tree: the right answers to the three questions.</summary>
        public NeedsChecks Checks => NeedsChecks.Of(Tree(chinese: false));

        private static SheetNeed Map(Node node, bool chinese) =>
            new(node.Layer, node.Problem.In(chinese), node.Children.Select(c => Map(c, chinese)).ToList(), node.Solution?.In(chinese));
    }

    private static Node Leaf(NeedLayer? layer, string en, string zh, string? ourEn = null, string? ourZh = null) =>
        new(layer, new(en, zh), ourEn is null ? null : new(ourEn, ourZh!), []);

    private static Node Branch(NeedLayer layer, string en, string zh, params Node[] children) => new(layer, new(en, zh), null, children);

    private static readonly Words SteelState = new(
        "Coil defects are found by hand at the end of the line; 3% of coils are returned by car makers.",
        "钢卷缺陷靠人工在产线末端检查，3% 的钢卷被汽车厂退货。");

    public static IReadOnlyList<Exercise> Exercises { get; } =
    [
        new("steel-coils", new("Coil inspection at a steel works", "钢厂的钢卷检测"), SteelState,
        [
            Branch(NeedLayer.Finance, "Returns cost 18 million a year", "退货每年损失 1800 万",
                Leaf(null, "Defects are found after shipping", "缺陷在发货后才被发现", "Inline surface inspection stops defective coils", "在线表面检测拦下缺陷钢卷")),
            Branch(NeedLayer.Customers, "Car makers threaten to cut the supplier list", "汽车厂威胁削减供应商名单",
                Leaf(null, "No defect record per coil to show them", "拿不出每卷钢的缺陷记录", "A defect map stored with every coil", "每卷钢附带缺陷图谱")),
            Branch(NeedLayer.Process, "Inspectors cannot keep pace with the line", "检验员跟不上产线速度",
                Leaf(null, "Manual checks at 60 m/min miss small defects", "60 米/分钟人工检查漏掉小缺陷", "Cameras check every metre at full speed", "相机全速检查每一米")),
        ]),
        new("hospital-billing", new("A hospital's billing", "医院的收费系统"), null,
        [
            Branch(NeedLayer.Finance, "Unbilled services lose revenue", "漏收费用造成收入损失",
                Leaf(null, "Services are not recorded at the bedside", "床旁服务没有记录", "Bedside recording on tablets", "平板床旁记录")),
            Branch(NeedLayer.Process, "Nurses re-enter orders twice", "护士重复录入医嘱",
                Leaf(null, "Two systems without a link", "两套系统互不相通", "One order flows to billing", "医嘱自动流入收费")),
            Branch(NeedLayer.Management, "Managers see revenue a month late", "管理层一个月后才看到收入",
                Leaf(null, "Reports are built by hand", "报表靠手工制作", "A daily revenue dashboard", "每日收入看板")),
        ]),
        new("retail-stock", new("A retailer's stock", "零售商的库存"),
            new("Stores run out of best sellers every weekend.", "门店每个周末畅销品断货。"),
        [
            Branch(NeedLayer.Finance, "Lost sales on weekends", "周末销售损失",
                Leaf(null, "Replenishment is weekly", "每周补货一次", "Daily replenishment from sales data", "按销售数据每日补货")),
            Branch(NeedLayer.Finance, "Too much cash in slow stock", "滞销库存占用资金",
                Leaf(null, "Orders ignore what sells", "订货不看销售", "Orders computed from sell-through", "按售罄率计算订货")),
            Branch(NeedLayer.Process, "Store staff count shelves by hand", "店员手工盘点货架",
                Leaf(null, "No shelf data", "没有货架数据", "Shelf scanning with handhelds", "手持终端扫描货架")),
        ]),
        new("bank-loans", new("A bank's loan approvals", "银行的贷款审批"),
            new("Small-business loans take 21 days to approve; competitors take 3.", "小微贷款审批要 21 天，对手只要 3 天。"),
        [
            Branch(NeedLayer.Customers, "Applicants go to faster banks", "申请人转向审批更快的银行",
                Leaf(null, "Documents are requested one at a time", "材料一件一件地补交", "One checklist at application", "申请时一次性清单")),
            Branch(NeedLayer.Process, "Files wait between four desks", "卷宗在四个岗位之间等待",
                Leaf(null, "Paper files travel by courier", "纸质卷宗靠专人传递", "An electronic file for every loan", "每笔贷款一份电子卷宗"),
                Leaf(null, "Credit officers re-key figures", "信贷员重复录入数据")),
            Branch(NeedLayer.Management, "Nobody sees where a file is stuck", "没人知道卷宗卡在哪里",
                Leaf(null, "No status per file", "卷宗没有状态", "A status board per branch", "每个网点一块进度看板")),
        ]),
        new("logistics-fuel", new("A logistics company's fuel", "物流公司的燃油"), null,
        [
            Branch(NeedLayer.Finance, "Fuel is 40% of cost", "燃油占成本 40%",
                Leaf(null, "Trucks idle at depots", "卡车在场站怠速等待"),
                Leaf(null, "Routes are planned by habit", "线路凭经验规划", "Route planning by load and traffic", "按货量和路况规划线路")),
        ]),
        new("plant-energy", new("A plant's energy bill", "工厂的能源账单"),
            new("The plant's electricity bill rose 25% in a year.", "工厂电费一年上涨 25%。"),
        [
            Branch(NeedLayer.Finance, "Peak tariffs on the furnaces", "电炉用电落在高峰电价",
                Leaf(null, "Furnaces start at 8 am", "电炉早上 8 点启动", "Scheduling that shifts load off peak", "错峰排产")),
            Branch(NeedLayer.Finance, "Penalties for low power factor", "功率因数低被罚款",
                Leaf(null, "No compensation equipment", "没有补偿设备", "Power-factor correction", "功率因数补偿")),
        ]),
    ];

    public static Exercise? Find(string id) => Exercises.FirstOrDefault(e => e.Id == id);

    /// <summary>The user's yes/no to the three questions, graded against the engine's checks; the score is the share right.</summary>
    public static SelfCheckGrade Grade(Exercise exercise, bool rooted, bool decomposed, bool landed)
    {
        var checks = exercise.Checks;
        var (correct, wrong) = (new List<string>(), new List<string>());
        (rooted == checks.Rooted ? correct : wrong).Add("rooted");
        (decomposed == checks.Decomposed ? correct : wrong).Add("decomposed");
        (landed == checks.Landed ? correct : wrong).Add("landed");
        return new SelfCheckGrade(Math.Round(correct.Count / 3m, 4), correct, wrong);
    }
}
