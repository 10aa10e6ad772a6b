using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Opportunities;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Learning;

/// <summary>What a drill question asks of a deal.</summary>
public enum DrillTopic
{
    /// <summary>Which red flag fires here, and why.</summary>
    RedFlag = 1,
    /// <summary>Who the economic buyer is, and whether that person is receptive.</summary>
    EconomicBuyer = 2,
    /// <summary>Which funnel level the deal has earned.</summary>
    FunnelLevel = 3,
    /// <summary>What the next step should address first.</summary>
    NextStep = 4,
}

/// <summary>Whether a person is open to change (growth, trouble), not (even keel, overconfident), or not known yet.</summary>
public enum Receptiveness
{
    Receptive = 1,
    Unreceptive = 2,
    Unknown = 3,
}

/// <summary>
/// Drill questions about a seller's own deals, with the engine's analysis of the deal as the answer key: a question is
/// only asked where the engine has an answer, and an answer is right exactly when the engine agrees. Pure: the same
/// analysis and the same random source give the same question.
/// </summary>
public static class DrillQuestions
{
    /// <summary>How many choices a red-flag or next-step question offers: the right one and three that are not.</summary>
    public const int Choices = 4;

    /// <summary>The levels a drill asks about: where an open deal can stand by the funnel principle.</summary>
    public static IReadOnlyList<FunnelLevel> EarnableLevels { get; } = [FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew];

    /// <summary>The rules whose flags a drill names (the seller's own manual flags are not the engine's to quiz on).</summary>
    public static IReadOnlyList<string> RuleIds { get; } =
        StrategyAnalyzer.ContractRules.Select(r => r.Id).Where(id => id != RedFlagIds.Manual).ToList();

    /// <summary>Whether the deal has what the topic asks about.</summary>
    public static bool Applies(DrillTopic topic, SheetAnalysis analysis) => topic switch
    {
        DrillTopic.RedFlag or DrillTopic.NextStep => EngineFlags(analysis).Any(),
        DrillTopic.EconomicBuyer => EconomicBuyers(analysis).Any(),
        DrillTopic.FunnelLevel => analysis.Sheet.Opportunity.FunnelLevel is not (FunnelLevel.Won or FunnelLevel.Lost),
        _ => false,
    };

    /// <summary>
    /// The choices offered, shuffled: for a red flag, one rule that fires and three that do not; for the next step, one
    /// flag of the highest severity present and three that are either not firing or less severe; for the economic buyer,
    /// the deal's active people (their sheet ids); for the funnel, the three earnable levels in funnel order.
    /// </summary>
    public static IReadOnlyList<string> ChoicesFor(DrillTopic topic, SheetAnalysis analysis, Random random)
    {
        switch (topic)
        {
            case DrillTopic.RedFlag:
            {
                var fired = EngineFlags(analysis).Select(f => f.Id).Distinct().ToList();
                var right = fired[random.Next(fired.Count)];
                return Shuffle([right, .. Pick(RuleIds.Except(fired).ToList(), Choices - 1, random)], random);
            }
            case DrillTopic.NextStep:
            {
                var first = TopSeverity(analysis);
                var top = EngineFlags(analysis).Where(f => RedFlagSeverities.Of(f.Id) == first).Select(f => f.Id).Distinct().ToList();
                var right = top[random.Next(top.Count)];
                // Less severe flags of this deal make the question a real choice of order; rules not firing fill it up.
                var lesser = EngineFlags(analysis).Select(f => f.Id).Distinct().Where(id => RedFlagSeverities.Of(id) > first).ToList();
                var others = Pick(lesser, Choices - 1, random);
                others.AddRange(Pick(RuleIds.Except(EngineFlags(analysis).Select(f => f.Id)).ToList(), Choices - 1 - others.Count, random));
                return Shuffle([right, .. others], random);
            }
            case DrillTopic.EconomicBuyer:
                return analysis.Sheet.Influences.Where(i => i.IsActive).Select(i => i.Id).ToList();
            case DrillTopic.FunnelLevel:
                return EarnableLevels.Select(l => l.ToId()).ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(topic), topic, null);
        }
    }

    /// <summary>A red-flag answer: right when the named rule fires on the deal.</summary>
    public static SelfCheckGrade GradeRedFlag(SheetAnalysis analysis, string ruleId)
    {
        var right = EngineFlags(analysis).Any(f => f.Id == ruleId);
        return right ? new SelfCheckGrade(1m, [ruleId], []) : new SelfCheckGrade(0m, [], [ruleId]);
    }

    /// <summary>A next-step answer: right when the named rule fires with the highest severity found on the deal.</summary>
    public static SelfCheckGrade GradeNextStep(SheetAnalysis analysis, string ruleId)
    {
        var right = EngineFlags(analysis).Any(f => f.Id == ruleId) && RedFlagSeverities.Of(ruleId) == TopSeverity(analysis);
        return right ? new SelfCheckGrade(1m, [ruleId], []) : new SelfCheckGrade(0m, [], [ruleId]);
    }

    /// <summary>
    /// An economic-buyer answer in two parts, each half the score: the person chosen plays the economic buyer's role on
    /// the sheet (part <c>economic-buyer</c>), and the receptiveness given is that person's — or, when the person chosen
    /// is wrong, the real economic buyer's — by their response mode (part <c>receptive</c>).
    /// </summary>
    public static SelfCheckGrade GradeEconomicBuyer(SheetAnalysis analysis, string influenceId, Receptiveness receptive)
    {
        var buyers = EconomicBuyers(analysis).ToList();
        var chosen = buyers.FirstOrDefault(b => b.Id == influenceId);
        var judged = chosen ?? buyers.FirstOrDefault();
        var (correct, wrong) = (new List<string>(), new List<string>());
        (chosen is not null ? correct : wrong).Add("economic-buyer");
        (judged is not null && ReceptivenessOf(judged) == receptive ? correct : wrong).Add("receptive");
        return new SelfCheckGrade(correct.Count / 2m, correct, wrong);
    }

    /// <summary>A funnel answer: right when it is the highest level whose prerequisites the deal meets.</summary>
    public static SelfCheckGrade GradeFunnelLevel(SheetAnalysis analysis, FunnelLevel level)
    {
        var id = level.ToId();
        return level == analysis.Funnel.HighestMet ? new SelfCheckGrade(1m, [id], []) : new SelfCheckGrade(0m, [], [id]);
    }

    /// <summary>The people the sheet records as economic buyer, active ones first.</summary>
    public static IEnumerable<SheetInfluence> EconomicBuyers(SheetAnalysis analysis) =>
        analysis.Sheet.Influences.Where(i => i.Has(BuyingRoles.Economic)).OrderBy(i => i.IsActive ? 0 : 1);

    public static Receptiveness ReceptivenessOf(SheetInfluence influence) =>
        influence.Mode.IsReceptive() ? Receptiveness.Receptive
        : influence.Mode.IsUnreceptive() ? Receptiveness.Unreceptive
        : Receptiveness.Unknown;

    /// <summary>The flags the engine raised itself (not the seller's manual ones), in the engine's order.</summary>
    public static IEnumerable<RedFlag> EngineFlags(SheetAnalysis analysis) => analysis.RedFlags.Where(f => f.Id != RedFlagIds.Manual);

    /// <summary>The most severe flag the engine raised on the deal: the first its next step should address.</summary>
    public static RedFlag? FirstToAddress(SheetAnalysis analysis) =>
        EngineFlags(analysis).OrderBy(f => RedFlagSeverities.Of(f.Id)).FirstOrDefault();

    private static RedFlagSeverity TopSeverity(SheetAnalysis analysis) => EngineFlags(analysis).Min(f => RedFlagSeverities.Of(f.Id));

    private static List<string> Pick(List<string> from, int count, Random random)
    {
        var picked = new List<string>(count);
        var pool = from.ToList();
        while (picked.Count < count && pool.Count > 0)
        {
            var i = random.Next(pool.Count);
            picked.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return picked;
    }

    private static IReadOnlyList<string> Shuffle(List<string> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
