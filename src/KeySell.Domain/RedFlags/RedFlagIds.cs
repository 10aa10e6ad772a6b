namespace KeySell.Domain.RedFlags;

/// <summary>The stable ids of the red flags, in the contract's order.</summary>
public static class RedFlagIds
{
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All =
    [
        "no-coach", "coach-gone", "coach-weak", "no-economic-buyer", "no-user", "uncovered",
        "missing-information", "opponent", "technical-veto", "no-counterpart",
        "unreceptive-economic-buyer", "no-win-result", "no-strength", "late-entry",
        "incomplete-objective", "new-player", "stale", "open-objection", "not-win-win", "poor-fit",
        Manual,
    ];

    public static bool IsKnown(string id) => All.Contains(id);
}
