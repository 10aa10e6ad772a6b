using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;

namespace KeySell.Domain.Actions;

/// <summary>One step of a deal's action plan (行动计划): what, who of ours, by when, with whom, against which red flags.</summary>
public class SellingAction : AuditedEntity, IDealPart
{
    public const int KeyMaxLength = 100;
    public const int TextMaxLength = 4000;
    /// <summary>The contract's limit on one deal's action plan.</summary>
    public const int MaxPerDeal = 500;

    public Guid OpportunityId { get; set; }
    /// <summary>The action's id in the strategy-sheet format, unique within the opportunity.</summary>
    public string Key { get; set; } = "";
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Our colleague who owns the action.</summary>
    public Guid? OwnerId { get; set; }
    public Colleague? Owner { get; set; }
    public DateOnly? Due { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
    /// <summary>The sheet key of the buying influence it concerns, or null.</summary>
    public string? InfluenceKey { get; set; }
    /// <summary>Red-flag ids this action works against.</summary>
    public List<string> Addresses { get; set; } = [];
}

public enum ActionStatus
{
    Open = 0,
    Done = 1,
    Dropped = 2,
}
