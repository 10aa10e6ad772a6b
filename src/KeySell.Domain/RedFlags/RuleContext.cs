using KeySell.Domain.Needs;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags;

/// <summary>What every rule sees: the sheet, the day it is judged at and the team's thresholds.</summary>
public sealed class RuleContext(StrategySheet sheet, DateOnly asOf, AnalysisSettings settings)
{
    public StrategySheet Sheet { get; } = sheet;
    public DateOnly AsOf { get; } = asOf;
    public AnalysisSettings Settings { get; } = settings;

    /// <summary>"Within the last N days" means on or after as-of minus N days.</summary>
    public bool IsWithinStaleWindow(DateOnly? date) => date is { } d && d >= AsOf.AddDays(-Settings.StaleDays);

    public bool IsWithinNewPlayerWindow(DateOnly? date) => date is { } d && d >= AsOf.AddDays(-Settings.NewPlayerDays);

    /// <summary>The three checks of the needs tree, or null when the sheet has no tree; worked out once per analysis.</summary>
    public NeedsChecks? NeedsChecks => _needsChecks ??= Sheet.Needs is { } needs ? Needs.NeedsChecks.Of(needs) : null;

    private NeedsChecks? _needsChecks;

    /// <summary>The sheet's influence with this id, whatever its status, or null (no id, or none such).</summary>
    public SheetInfluence? InfluenceOf(string? id)
    {
        if (id is null) return null;
        foreach (var influence in Sheet.Influences)
        {
            if (influence.Id == id) return influence;
        }
        return null;
    }

    public bool AnyActive(Func<SheetInfluence, bool> predicate)
    {
        foreach (var influence in Sheet.Influences)
        {
            if (influence.IsActive && predicate(influence)) return true;
        }
        return false;
    }
}

/// <summary>The thresholds a team may tune; the defaults are the contract's.</summary>
public sealed record AnalysisSettings
{
    public static readonly AnalysisSettings Default = new();

    /// <summary>No contact with anyone for longer than this is <c>stale</c>.</summary>
    public int StaleDays { get; init; } = 30;

    /// <summary>An influence added or re-roled within this many days is a <c>new-player</c>.</summary>
    public int NewPlayerDays { get; init; } = 30;

    /// <summary>An ideal-customer score below this is a <c>poor-fit</c>.</summary>
    public decimal FitThreshold { get; init; }
}
