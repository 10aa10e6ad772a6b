namespace KeySell.Domain.Opportunities;

/// <summary>Only win-win is acceptable (§7); the others are recorded so they can be flagged.</summary>
public enum ExpectedOutcome
{
    WinWin = 1,
    WinLose = 2,
    LoseWin = 3,
    LoseLose = 4,
}
