namespace KeySell.Domain.RedFlags;

/// <summary>The stable ids of the red flags, in the contract's order.</summary>
public static class RedFlagIds
{
    public const string Manual = "manual";

    /// <summary>The ids of version 1 of the sheet format, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> Version1 =
    [
        "no-coach", "coach-gone", "coach-weak", "no-economic-buyer", "no-user", "uncovered",
        "missing-information", "opponent", "technical-veto", "no-counterpart",
        "unreceptive-economic-buyer", "no-win-result", "no-strength", "late-entry",
        "incomplete-objective", "new-player", "stale", "open-objection", "not-win-win", "poor-fit",
        Manual,
    ];

    /// <summary>The rules version 2 adds, which judge version-2 sheets only; they come after poor-fit, before manual.</summary>
    public static readonly IReadOnlyList<string> Version2Only =
    [
        "no-next-step", "overdue-action", "continuation-only", "needs-not-rooted", "needs-not-decomposed",
        "needs-not-landed", "objection-unconfirmed", "objection-unproven", "no-top-officer",
    ];

    /// <summary>Every id, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> All = [.. Version1.Take(Version1.Count - 1), .. Version2Only, Manual];

    public static bool IsKnown(string id) => All.Contains(id);
}
