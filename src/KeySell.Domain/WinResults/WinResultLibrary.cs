using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.WinResults;

/// <summary>A suggestion offered while entering an influence's wins or results, in both languages.</summary>
public sealed record WinResultSuggestion(string Id, string English, string Chinese, WinResultKind Kind)
{
    public string In(bool chinese) => chinese ? Chinese : English;
}

/// <summary>
/// A result (结果) is the company's measurable gain; a win (赢) is one person's own. The method keeps
/// them apart, so every suggestion says which it is.
/// </summary>
public enum WinResultKind
{
    Result = 1,
    Win = 2,
}

/// <summary>
/// The course's table 4-1 (typical criteria by role) and its examples of personal wins (table 4-2).
/// </summary>
public static class WinResultLibrary
{
    private static readonly Dictionary<BuyingRoles, WinResultSuggestion[]> CriteriaByRole = new()
    {
        [BuyingRoles.Coach] =
        [
            new("recognition", "recognition", "认可", WinResultKind.Win),
            new("fame", "fame", "出名", WinResultKind.Win),
            new("beating-rivals", "beating rivals", "击败对手", WinResultKind.Win),
            new("sense-of-contribution", "sense of contribution", "有贡献感", WinResultKind.Win),
            new("problem-solver", "problem solver", "问题的解决者", WinResultKind.Win),
            new("personal-benefit", "personal benefit", "个人利益", WinResultKind.Win),
        ],
        [BuyingRoles.User] =
        [
            new("reliability", "reliability", "可靠性", WinResultKind.Result),
            new("efficiency", "efficiency", "效率提高", WinResultKind.Result),
            new("better-skills", "better skills", "技能提高", WinResultKind.Win),
            new("performance-met", "performance met", "绩效满足", WinResultKind.Win),
            new("best-solution", "best solution to the problem", "问题的最好解决", WinResultKind.Result),
            new("work-better-faster-easier", "work better, faster, easier", "工作更好、更快、更容易", WinResultKind.Win),
        ],
        [BuyingRoles.Technical] =
        [
            new("meets-spec", "product meets spec", "产品满足", WinResultKind.Result),
            new("timely-delivery", "timely delivery", "及时提交", WinResultKind.Result),
            new("best-technical-solution", "best technical solution", "最好的技术方案", WinResultKind.Result),
            new("discount", "discount, low price", "打折、低价格", WinResultKind.Result),
            new("technical-reliability", "reliability", "可靠性", WinResultKind.Result),
            new("safety", "safety", "安全性", WinResultKind.Result),
        ],
        [BuyingRoles.Economic] =
        [
            new("low-cost", "low cost", "低成本", WinResultKind.Result),
            new("good-budget", "good budget", "好预算", WinResultKind.Result),
            new("return-on-investment", "return on investment", "投入产出", WinResultKind.Result),
            new("financial-responsibility", "financial responsibility", "财务责任", WinResultKind.Win),
            new("productivity", "productivity", "生产力增加", WinResultKind.Result),
            new("cash-flow", "cash flow / flexibility", "现金流/适应性", WinResultKind.Result),
        ],
    };

    /// <summary>Personal wins anyone may seek (course table 4-2 and its list).</summary>
    public static IReadOnlyList<WinResultSuggestion> PersonalWins { get; } =
    [
        new("symbol-of-power", "symbol of power", "权力的象征", WinResultKind.Win),
        new("sense-of-control", "sense of control", "控制感", WinResultKind.Win),
        new("more-free-time", "more free time", "更多的空闲时间", WinResultKind.Win),
        new("new-skills", "new skills", "新技能", WinResultKind.Win),
        new("family-opportunities", "opportunities for family", "为家庭创造机会", WinResultKind.Win),
        new("agent-of-change", "agent of change", "变革的推动者", WinResultKind.Win),
        new("problem-solver", "problem solver", "问题的解决者", WinResultKind.Win),
        new("contribution", "contribution to the organisation", "对组织的贡献", WinResultKind.Win),
        new("recognition", "recognition", "认可", WinResultKind.Win),
        new("social-standing", "social standing", "社会地位", WinResultKind.Win),
        new("promotion", "promotion", "晋升", WinResultKind.Win),
        new("more-family-time", "more family time", "更多的家庭时间", WinResultKind.Win),
        new("self-realisation", "self-realisation", "自我实现", WinResultKind.Win),
        new("seen-as-leader", "being seen as a leader", "被视为领导者", WinResultKind.Win),
        new("flexibility", "flexibility", "灵活性", WinResultKind.Win),
        new("feeling-safer", "feeling safer", "更有安全感", WinResultKind.Win),
        new("more-responsibility", "more responsibility", "更多的责任", WinResultKind.Win),
        new("new-way-of-life", "a new way of life", "新的生活方式", WinResultKind.Win),
        new("more-freedom", "more freedom", "更多的自由", WinResultKind.Win),
        new("track-record", "a strong track record", "良好的业绩记录", WinResultKind.Win),
    ];

    /// <summary>Table 4-1's criteria for one role.</summary>
    public static IReadOnlyList<WinResultSuggestion> CriteriaFor(BuyingRoles role) =>
        CriteriaByRole.TryGetValue(role, out var criteria) ? criteria : [];

    /// <summary>
    /// What to offer for an influence holding <paramref name="roles"/>: the criteria of each role
    /// they hold (in C U T E order), then the personal wins, without repeating a text.
    /// </summary>
    public static IReadOnlyList<WinResultSuggestion> SuggestionsFor(BuyingRoles roles, WinResultKind kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var suggestions = new List<WinResultSuggestion>();
        foreach (var role in roles.Split())
        {
            foreach (var criterion in CriteriaFor(role))
            {
                if (criterion.Kind == kind && seen.Add(criterion.English)) suggestions.Add(criterion);
            }
        }
        if (kind == WinResultKind.Win)
        {
            foreach (var win in PersonalWins)
            {
                if (seen.Add(win.English)) suggestions.Add(win);
            }
        }
        return suggestions;
    }
}
