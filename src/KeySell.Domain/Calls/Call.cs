using KeySell.Domain.Common;

namespace KeySell.Domain.Calls;

/// <summary>
/// A sales call (拜访), planned with the commitment it seeks and its SPIN questions, then held with an outcome. A good
/// call ends in an advance (the customer commits to a next step), not a mere continuation (METHODOLOGY §10).
/// </summary>
public class Call : AuditedEntity, IDealPart
{
    public const int KeyMaxLength = 100;
    public const int TextMaxLength = 4000;
    public const int MaxQuestions = 100;

    public Guid OpportunityId { get; set; }
    /// <summary>The call's id in the strategy-sheet format, unique within the opportunity.</summary>
    public string Key { get; set; } = "";
    public int Position { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The sheet keys of the buying influences met.</summary>
    public List<string> With { get; set; } = [];
    public CallStatus Status { get; set; } = CallStatus.Planned;
    /// <summary>The commitment sought from the customer (an advance).</summary>
    public string? Commitment { get; set; }
    public List<CallQuestion> Questions { get; set; } = [];
    /// <summary>Only for a held call.</summary>
    public CallOutcome? Outcome { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A planned question and its SPIN type.</summary>
public sealed record CallQuestion(SpinType Type, string Text);

public enum CallStatus
{
    Planned = 0,
    Done = 1,
    Cancelled = 2,
}

public enum CallOutcome
{
    Advance = 0,
    Continuation = 1,
    NoSale = 2,
}

/// <summary>SPIN: situation (facts), problem (difficulties), implication (consequences), need-payoff (value of solving it).</summary>
public enum SpinType
{
    Situation = 0,
    Problem = 1,
    Implication = 2,
    NeedPayoff = 3,
}
