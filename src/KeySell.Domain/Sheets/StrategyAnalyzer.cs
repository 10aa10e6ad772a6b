using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Funnel;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;

namespace KeySell.Domain.Sheets;

/// <summary>What a seasoned coach sees on a sheet: red flags, who is receptive, and the funnel verdict.</summary>
public sealed record SheetAnalysis(
    StrategySheet Sheet,
    DateOnly AsOf,
    AnalysisSettings Settings,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<SheetInfluence> Receptive,
    IReadOnlyList<SheetInfluence> Unreceptive,
    FunnelVerdict Funnel)
{
    /// <summary>Version 2: the three checks of the needs tree; null when the tree is not drawn (and on version 1).</summary>
    public NeedsChecks? Needs { get; init; }

    /// <summary>Version 2: how the calls went and the next one; null on a version-1 sheet.</summary>
    public CallsSummary? Calls { get; init; }

    /// <summary>Version 2: the milestones reached and the next one; null on a version-1 sheet.</summary>
    public ProcessProgress? Milestones { get; init; }
}

/// <summary>
/// Judges a strategy sheet by the method. Pure and deterministic: the same sheet, day and settings
/// always give the same analysis. Rules run in the contract's order, so flags come out ordered by
/// rule, then by the influence's position in the sheet.
/// </summary>
public sealed class StrategyAnalyzer(AnalysisSettings settings, IReadOnlyList<IRedFlagRule> rules)
{
    /// <summary>Every rule of the contract, in the contract's order.</summary>
    public static IReadOnlyList<IRedFlagRule> ContractRules { get; } =
    [
        new NoCoach(), new CoachGone(), new CoachWeak(), new NoEconomicBuyer(), new NoUser(), new Uncovered(),
        new MissingInformation(), new Opponent(), new TechnicalVeto(), new NoCounterpart(),
        new UnreceptiveEconomicBuyer(), new NoWinResult(), new NoStrength(), new LateEntry(),
        new IncompleteObjective(), new NewPlayer(), new Stale(), new OpenObjection(), new NotWinWin(),
        new PoorFit(),
        new NoNextStep(), new OverdueAction(), new ContinuationOnly(), new NeedsNotRooted(), new NeedsNotDecomposed(),
        new NeedsNotLanded(), new ObjectionUnconfirmed(), new ObjectionUnproven(), new NoTopOfficer(),
        new Manual(),
    ];

    public static StrategyAnalyzer Default { get; } = new(AnalysisSettings.Default);

    public StrategyAnalyzer(AnalysisSettings settings) : this(settings, ContractRules)
    {
    }

    public AnalysisSettings Settings { get; } = settings;

    /// <param name="asOf">The day to judge at; the sheet's own <c>asOf</c> when it has one is the caller's choice to pass.</param>
    public SheetAnalysis Analyze(StrategySheet sheet, DateOnly asOf)
    {
        var context = new RuleContext(sheet, asOf, Settings);
        var found = new List<RedFlag>();
        foreach (var rule in rules) rule.Find(context, found);
        if (found.Count > 0 && sheet.Strengths.Count > 0) AttachStrengths(found, sheet.Strengths);

        List<SheetInfluence>? receptive = null, unreceptive = null;
        foreach (var influence in sheet.Influences)
        {
            if (!influence.IsActive) continue;
            if (influence.Mode.IsReceptive()) (receptive ??= []).Add(influence);
            else if (influence.Mode.IsUnreceptive()) (unreceptive ??= []).Add(influence);
        }

        var funnel = FunnelPrerequisites.Judge(sheet.Opportunity.FunnelLevel, sheet.Opportunity.Objective.IsComplete,
            receptive is not null, found.Count > 0);
        var analysis = new SheetAnalysis(sheet, asOf, Settings, found, (IReadOnlyList<SheetInfluence>?)receptive ?? [], (IReadOnlyList<SheetInfluence>?)unreceptive ?? [], funnel);
        if (!sheet.IsVersion2) return analysis;
        return analysis with
        {
            Needs = context.NeedsChecks,
            Calls = CallsSummary.Of(sheet.Calls, asOf),
            Milestones = ProcessProgress.Of(sheet.Milestones),
        };
    }

    private static void AttachStrengths(List<RedFlag> found, IReadOnlyList<SheetStrength> strengths)
    {
        for (var i = 0; i < found.Count; i++)
        {
            List<string>? addressedBy = null;
            foreach (var strength in strengths)
            {
                if (strength.Addresses.Contains(found[i].Id)) (addressedBy ??= []).Add(strength.Text);
            }
            if (addressedBy is not null) found[i] = found[i] with { AddressedBy = addressedBy };
        }
    }
}
