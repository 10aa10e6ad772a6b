using KeySell.Domain.Funnel;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Opportunities;

/// <summary>
/// What the analysis of one deal found, kept so lists, Home and dashboards need not re-judge every
/// sheet: its red flags (rule, influence, severity) and the funnel verdict, as of one day with one
/// set of team thresholds. Rewritten by every save that can change it and once a day for the date rules.
/// </summary>
public class AnalysisSummary
{
    public Guid OpportunityId { get; set; }

    /// <summary>The day the sheet was judged at: the date rules (stale, new-player) depend on it.</summary>
    public DateOnly AsOf { get; set; }
    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>The thresholds it was judged with (<see cref="SettingsKey"/>), so a changed threshold is noticed at start-up.</summary>
    public string Settings { get; set; } = "";

    public List<StoredRedFlag> RedFlags { get; set; } = [];
    public int RedFlagCount { get; set; }
    public int CriticalCount { get; set; }
    public FunnelLevel HighestMet { get; set; }
    public bool Premature { get; set; }

    public static AnalysisSummary Of(Guid opportunityId, SheetAnalysis analysis, DateTimeOffset computedAt)
    {
        var flags = analysis.RedFlags.Select(f => new StoredRedFlag(f.Id, f.Influence?.Id, RedFlagSeverities.Of(f.Id))).ToList();
        return new AnalysisSummary
        {
            OpportunityId = opportunityId,
            AsOf = analysis.AsOf,
            ComputedAt = computedAt,
            Settings = SettingsKey(analysis.Settings),
            RedFlags = flags,
            RedFlagCount = flags.Count,
            CriticalCount = flags.Count(f => f.Severity == RedFlagSeverity.Critical),
            HighestMet = analysis.Funnel.HighestMet,
            Premature = analysis.Funnel.Premature,
        };
    }

    /// <summary>
    /// The edition of the rules: raised whenever a rule is added or changes its meaning, so every summary judged by
    /// the earlier rules counts as outdated and the next refresh (shortly after start) judges it again. 2: sheet
    /// version 2's rules (decision 0024).
    /// </summary>
    public const int RulesEdition = 2;

    /// <summary>What a summary was judged by: the rules' edition and the team's thresholds.</summary>
    public static string SettingsKey(AnalysisSettings settings) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rules={RulesEdition};stale={settings.StaleDays};new={settings.NewPlayerDays};fit={settings.FitThreshold}");
}

/// <param name="Influence">The sheet id of the influence it concerns; null for a flag about the whole deal.</param>
public sealed record StoredRedFlag(string Id, string? Influence, RedFlagSeverity Severity);
