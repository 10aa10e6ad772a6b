using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.Learning;

/// <summary>
/// Self-check 4-1: sort the fourteen win criteria A–N into the four buying roles, graded by the course's table 4-1.
/// Reliability (I, 可靠性) stands in both the user's and the technical buyer's column, so either is right.
/// </summary>
public static class WinCriteriaSort
{
    public sealed record Criterion(char Letter, string English, string Chinese, BuyingRoles RightRoles);

    /// <summary>The criteria in the course's order, each with the role(s) table 4-1 gives it.</summary>
    public static IReadOnlyList<Criterion> Criteria { get; } =
    [
        new('A', "recognition", "认可", BuyingRoles.Coach),
        new('B', "fame", "出名", BuyingRoles.Coach),
        new('C', "problem solver", "问题的解决者", BuyingRoles.Coach),
        new('D', "efficiency", "效率提高", BuyingRoles.User),
        new('E', "performance met", "绩效满足", BuyingRoles.User),
        new('F', "best solution to the problem", "问题的最好解决", BuyingRoles.User),
        new('G', "work better, faster, easier", "工作更好、更快、更容易", BuyingRoles.User),
        new('H', "best technical solution", "最好的技术方案", BuyingRoles.Technical),
        new('I', "reliability", "可靠性", BuyingRoles.User | BuyingRoles.Technical),
        new('J', "safety", "安全性", BuyingRoles.Technical),
        new('K', "low cost", "低成本", BuyingRoles.Economic),
        new('L', "good budget", "好预算", BuyingRoles.Economic),
        new('M', "financial responsibility", "财务责任", BuyingRoles.Economic),
        new('N', "cash flow / flexibility", "现金流/适应性", BuyingRoles.Economic),
    ];

    public static bool IsLetter(char letter) => Criteria.Any(c => c.Letter == letter);

    /// <summary>
    /// Grades a placement of letters into single roles. A letter counts as right only when it is placed exactly once,
    /// in a role table 4-1 gives it; placed twice (even once rightly) or not at all, it is wrong. The score is the
    /// share of the fourteen placed rightly. Letters must be known (the caller refuses unknown ones first).
    /// </summary>
    public static SelfCheckGrade Grade(IReadOnlyDictionary<BuyingRoles, IReadOnlyList<char>> placed)
    {
        var where = new Dictionary<char, List<BuyingRoles>>();
        foreach (var (role, letters) in placed)
        {
            if (role is not (BuyingRoles.Coach or BuyingRoles.User or BuyingRoles.Technical or BuyingRoles.Economic))
                throw new ArgumentOutOfRangeException(nameof(placed), role, "A criterion goes into exactly one buying role.");
            foreach (var letter in letters)
            {
                if (!IsLetter(letter)) throw new ArgumentOutOfRangeException(nameof(placed), letter, "Not a criterion of self-check 4-1.");
                (where.TryGetValue(letter, out var roles) ? roles : where[letter] = []).Add(role);
            }
        }
        var (correct, wrong) = (new List<string>(), new List<string>());
        foreach (var criterion in Criteria)
        {
            var right = where.TryGetValue(criterion.Letter, out var roles) && roles.Count == 1 && criterion.RightRoles.HasFlag(roles[0]);
            (right ? correct : wrong).Add(criterion.Letter.ToString());
        }
        return new SelfCheckGrade(Math.Round((decimal)correct.Count / Criteria.Count, 4), correct, wrong);
    }
}
